import tensorflow as tf


def getitem(x, key):
    return x[key]
