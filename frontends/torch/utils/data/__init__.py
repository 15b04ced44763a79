"""torch.utils.data: datasets, samplers, DataLoader (in-process) and collation."""
from __future__ import annotations

from ... import _api
from . import _utils
from ._utils.collate import default_collate, default_convert
from .dataloader import DataLoader, _InfiniteConstantSampler, get_worker_info
from .dataset import (ChainDataset, ConcatDataset, Dataset, IterableDataset, StackDataset,
                      Subset, TensorDataset, random_split)
from .sampler import (BatchSampler, RandomSampler, Sampler, SequentialSampler,
                      SubsetRandomSampler, WeightedRandomSampler)

__all__ = ["BatchSampler", "ChainDataset", "ConcatDataset", "DataLoader", "Dataset",
           "IterableDataset", "RandomSampler", "Sampler", "SequentialSampler", "StackDataset",
           "Subset", "SubsetRandomSampler", "TensorDataset", "WeightedRandomSampler",
           "default_collate", "default_convert", "get_worker_info", "random_split"]


def __getattr__(name: str):
    raise _api.unsupported("torch.utils.data", name)
