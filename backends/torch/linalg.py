import torch

matmul = torch.matmul


def matrix_transpose(x):
    return x.transpose(-1, -2)
