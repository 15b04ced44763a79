"""Max/avg/LP/adaptive/fractional pooling and max-unpooling modules."""
from __future__ import annotations

from .. import functional as F
from .module import Module
from .utils import _pair, _single, _triple

__all__ = ["MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d",
           "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d",
           "AdaptiveMaxPool2d", "AdaptiveMaxPool3d", "MaxUnpool1d", "MaxUnpool2d",
           "MaxUnpool3d", "LPPool1d", "LPPool2d", "LPPool3d", "FractionalMaxPool2d",
           "FractionalMaxPool3d"]


def _named(cls, name):
    cls.__name__ = cls.__qualname__ = name
    return cls


class _MaxPoolNd(Module):
    __constants__ = ["kernel_size", "stride", "padding", "dilation", "return_indices",
                     "ceil_mode"]
    _fn = None

    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, return_indices=False,
                 ceil_mode=False):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.dilation = dilation
        self.return_indices = return_indices
        self.ceil_mode = ceil_mode

    def extra_repr(self):
        return (f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
                f"dilation={self.dilation}, ceil_mode={self.ceil_mode}")

    def forward(self, input):
        return type(self)._fn(input, self.kernel_size, self.stride, self.padding, self.dilation,
                              ceil_mode=self.ceil_mode, return_indices=self.return_indices)


def _max_pool(n, fn):
    return _named(type(f"MaxPool{n}d", (_MaxPoolNd,), {"_fn": staticmethod(fn)}),
                  f"MaxPool{n}d")


MaxPool1d = _max_pool(1, F.max_pool1d)
MaxPool2d = _max_pool(2, F.max_pool2d)
MaxPool3d = _max_pool(3, F.max_pool3d)


class AvgPool1d(Module):
    __constants__ = ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"]

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False,
                 count_include_pad=True):
        super().__init__()
        self.kernel_size = _single(kernel_size)
        self.stride = _single(stride if stride is not None else kernel_size)
        self.padding = _single(padding)
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"

    def forward(self, input):
        return F.avg_pool1d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode,
                            self.count_include_pad)


class _AvgPoolNd(Module):
    __constants__ = ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad",
                     "divisor_override"]
    _fn = None

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=None):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad
        self.divisor_override = divisor_override

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"

    def forward(self, input):
        return type(self)._fn(input, self.kernel_size, self.stride, self.padding, self.ceil_mode,
                              self.count_include_pad, self.divisor_override)


AvgPool2d = _named(type("AvgPool2d", (_AvgPoolNd,), {"_fn": staticmethod(F.avg_pool2d)}),
                   "AvgPool2d")
AvgPool3d = _named(type("AvgPool3d", (_AvgPoolNd,), {"_fn": staticmethod(F.avg_pool3d)}),
                   "AvgPool3d")


class _AdaptiveAvgPoolNd(Module):
    __constants__ = ["output_size"]
    _fn = None

    def __init__(self, output_size):
        super().__init__()
        self.output_size = output_size

    def extra_repr(self):
        return f"output_size={self.output_size}"

    def forward(self, input):
        return type(self)._fn(input, self.output_size)


class _AdaptiveMaxPoolNd(Module):
    __constants__ = ["output_size", "return_indices"]
    _fn = None

    def __init__(self, output_size, return_indices=False):
        super().__init__()
        self.output_size = output_size
        self.return_indices = return_indices

    def extra_repr(self):
        return f"output_size={self.output_size}"

    def forward(self, input):
        return type(self)._fn(input, self.output_size, self.return_indices)


def _adaptive(base, name, fn):
    return _named(type(name, (base,), {"_fn": staticmethod(fn)}), name)


AdaptiveAvgPool1d = _adaptive(_AdaptiveAvgPoolNd, "AdaptiveAvgPool1d", F.adaptive_avg_pool1d)
AdaptiveAvgPool2d = _adaptive(_AdaptiveAvgPoolNd, "AdaptiveAvgPool2d", F.adaptive_avg_pool2d)
AdaptiveAvgPool3d = _adaptive(_AdaptiveAvgPoolNd, "AdaptiveAvgPool3d", F.adaptive_avg_pool3d)
AdaptiveMaxPool1d = _adaptive(_AdaptiveMaxPoolNd, "AdaptiveMaxPool1d", F.adaptive_max_pool1d)
AdaptiveMaxPool2d = _adaptive(_AdaptiveMaxPoolNd, "AdaptiveMaxPool2d", F.adaptive_max_pool2d)
AdaptiveMaxPool3d = _adaptive(_AdaptiveMaxPoolNd, "AdaptiveMaxPool3d", F.adaptive_max_pool3d)


class _MaxUnpoolNd(Module):
    _fn = None
    _tup = None

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        tup = type(self)._tup
        self.kernel_size = tup(kernel_size)
        self.stride = tup(stride if stride is not None else kernel_size)
        self.padding = tup(padding)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"

    def forward(self, input, indices, output_size=None):
        return type(self)._fn(input, indices, self.kernel_size, self.stride, self.padding,
                              output_size)


def _unpool(n, fn, tup):
    name = f"MaxUnpool{n}d"
    return _named(type(name, (_MaxUnpoolNd,), {"_fn": staticmethod(fn), "_tup": staticmethod(tup)}),
                  name)


MaxUnpool1d = _unpool(1, F.max_unpool1d, _single)
MaxUnpool2d = _unpool(2, F.max_unpool2d, _pair)
MaxUnpool3d = _unpool(3, F.max_unpool3d, _triple)


class _LPPoolNd(Module):
    __constants__ = ["norm_type", "kernel_size", "stride", "ceil_mode"]
    _fn = None

    def __init__(self, norm_type, kernel_size, stride=None, ceil_mode=False):
        super().__init__()
        self.norm_type = norm_type
        self.kernel_size = kernel_size
        self.stride = stride
        self.ceil_mode = ceil_mode

    def extra_repr(self):
        return (f"norm_type={self.norm_type}, kernel_size={self.kernel_size}, "
                f"stride={self.stride}, ceil_mode={self.ceil_mode}")

    def forward(self, input):
        return type(self)._fn(input, float(self.norm_type), self.kernel_size, self.stride,
                              self.ceil_mode)


LPPool1d = _adaptive(_LPPoolNd, "LPPool1d", F.lp_pool1d)
LPPool2d = _adaptive(_LPPoolNd, "LPPool2d", F.lp_pool2d)
LPPool3d = _adaptive(_LPPoolNd, "LPPool3d", F.lp_pool3d)


class _FractionalMaxPoolNd(Module):
    __constants__ = ["kernel_size", "return_indices", "output_size", "output_ratio"]
    _fn = None
    _tup = None

    def __init__(self, kernel_size, output_size=None, output_ratio=None, return_indices=False,
                 _random_samples=None):
        super().__init__()
        tup = type(self)._tup
        self.kernel_size = tup(kernel_size)
        self.return_indices = return_indices
        self.register_buffer("_random_samples", _random_samples)
        self.output_size = tup(output_size) if output_size is not None else None
        self.output_ratio = tup(output_ratio) if output_ratio is not None else None
        if output_size is None and output_ratio is None:
            raise ValueError(f"{type(self).__name__} requires specifying either an output size, "
                             "or a pooling ratio")
        if output_size is not None and output_ratio is not None:
            raise ValueError("only one of output_size and output_ratio may be specified")
        if self.output_ratio is not None and not all(0 < r < 1 for r in self.output_ratio):
            raise ValueError(f"output_ratio must be between 0 and 1 (got {output_ratio})")

    def forward(self, input):
        return type(self)._fn(input, self.kernel_size, self.output_size, self.output_ratio,
                              self.return_indices, _random_samples=self._random_samples)


FractionalMaxPool2d = _named(type("FractionalMaxPool2d", (_FractionalMaxPoolNd,), {
    "_fn": staticmethod(F.fractional_max_pool2d), "_tup": staticmethod(_pair)}),
    "FractionalMaxPool2d")
FractionalMaxPool3d = _named(type("FractionalMaxPool3d", (_FractionalMaxPoolNd,), {
    "_fn": staticmethod(F.fractional_max_pool3d), "_tup": staticmethod(_triple)}),
    "FractionalMaxPool3d")
