import numpy as np

add = np.add
subtract = np.subtract
multiply = np.multiply
exp = np.exp
equal = np.equal
negative = np.negative
conj = np.conj
