"""The TensorFlow backend: ops map to tf / tf.experimental.numpy on tf.Tensor."""
requires = "tensorflow"
extra = "tensorflow"


def load():
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import tensorflow as tf

    from ...core.backend import Backend
    from ._base import DTYPES, translate_error

    return Backend("tensorflow", tf, __name__, DTYPES, translate_error, (tf.Tensor, tf.Variable))
