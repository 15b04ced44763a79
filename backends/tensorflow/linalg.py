import tensorflow as tf


def matmul(x1, x2):
    if len(x1.shape) == 1 and len(x2.shape) == 1:
        return tf.reduce_sum(x1 * x2)
    if len(x1.shape) == 1:
        return tf.squeeze(tf.matmul(x1[None, :], x2), -2)
    if len(x2.shape) == 1:
        return tf.squeeze(tf.matmul(x1, x2[:, None]), -1)
    return tf.matmul(x1, x2)


def matrix_transpose(x):
    return tf.linalg.matrix_transpose(x)
