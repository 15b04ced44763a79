import operator

import torch

add = operator.add
subtract = operator.sub
multiply = operator.mul
exp = torch.exp
equal = operator.eq
negative = operator.neg
conj = torch.conj_physical
