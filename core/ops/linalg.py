"""linalg ops."""
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)

matmul = op("matmul(x1, x2, /)")


def _matmul_vjp(g, out, x1, x2):
    from .inspection import shape
    from .manipulation import expand_dims, squeeze
    from .elementwise import conj
    s1, s2 = shape(x1), shape(x2)
    a = expand_dims(x1, axis=0) if len(s1) == 1 else x1
    b = expand_dims(x2, axis=-1) if len(s2) == 1 else x2
    gg = g
    if len(s1) == 1:
        gg = expand_dims(gg, axis=-2)
    if len(s2) == 1:
        gg = expand_dims(gg, axis=-1)
    ga = matmul(gg, conj(matrix_transpose(b)))
    gb = matmul(conj(matrix_transpose(a)), gg)
    if len(s1) == 1:
        ga = squeeze(ga, -2)
    if len(s2) == 1:
        gb = squeeze(gb, -1)
    return unbroadcast(ga, s1), unbroadcast(gb, s2)


matrix_transpose = op("matrix_transpose(x, /)")
defvjp("matmul", _matmul_vjp)
defvjp("matrix_transpose", lambda g, out, x: (matrix_transpose(g),))
