import numpy as np

add = np.add
subtract = np.subtract
multiply = np.multiply
exp = np.exp
equal = np.equal
negative = np.negative
conj = np.conj
divide = np.divide
abs = np.abs
sqrt = np.sqrt
log = np.log
greater = np.greater
less = np.less
logical_not = np.logical_not
where = np.where


def sign(x):
    if np.iscomplexobj(x):
        a = np.abs(x)
        return np.where(a == 0, 0, x / np.where(a == 0, 1, a)).astype(x.dtype)
    return np.sign(x)
