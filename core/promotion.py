"""result_type over arrays, dtypes and weak Python scalars."""
from __future__ import annotations

import builtins

from . import dtypes as D
from .dtypes import DType


def result_type(*arrays_and_dtypes) -> DType:
    """Array API result_type: arrays and dtypes are strong, Python scalars weak."""
    from .ops.inspection import dtype_of

    strong = None
    weak = []
    for a in arrays_and_dtypes:
        if isinstance(a, DType):
            d = a
        elif isinstance(a, (builtins.bool, int, float, complex)):
            weak.append(a)
            continue
        else:
            d = dtype_of(a)
        strong = d if strong is None else D.promote_types(strong, d)
    if strong is None:
        if not weak:
            raise ValueError("result_type needs at least one array, dtype or scalar")
        kinds = {type(w) for w in weak}
        strong = (D.complex128 if complex in kinds else D.float64 if float in kinds
                  else D.int64 if int in kinds else D.bool)
        return strong
    for w in weak:
        strong = D.scalar_kind_dtype(w, strong)
    return strong
