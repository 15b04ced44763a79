import numpy as np

matmul = np.matmul


def matrix_transpose(x):
    return np.swapaxes(x, -1, -2)
