"""Array creation (Array API creation functions plus logspace, identity, tri indices)."""
from .. import dtypes as D
from ._define import defvjp, family, nondiff

__all__: list[str] = []
op = family(__name__, __all__)

asarray = op("asarray(obj, /, *, dtype=None, device=None, copy=None)",
             doc="Python scalars and nested sequences take NumPy's default dtypes "
                 "(int64, float64, complex128, bool) on every backend.")
arange = op("arange(start, /, stop=None, step=1, *, dtype=None, device=None)",
            doc="Default dtype: int64 when start/stop/step are ints, else float64.")
empty = op("empty(shape, *, dtype=None, device=None)", doc="Default dtype float64. Contents unspecified (zeros on immutable backends).")
zeros = op("zeros(shape, *, dtype=None, device=None)", doc="Default dtype float64.")
ones = op("ones(shape, *, dtype=None, device=None)", doc="Default dtype float64.")
full = op("full(shape, fill_value, *, dtype=None, device=None)",
          doc="Default dtype from fill_value: bool, int64, float64 or complex128.")
eye = op("eye(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None)", doc="Default dtype float64.")
linspace = op("linspace(start, stop, /, num, *, dtype=None, device=None, endpoint=True)",
              doc="Default dtype float64 (complex128 for complex endpoints).")


def _like(name):
    def impl(x, dtype, device):
        return globals()[name](shape_(x), dtype=dtype_of_(x) if dtype is None else dtype,
                               device=device)
    return impl


from .inspection import dtype_of as dtype_of_, shape as shape_  # noqa: E402


def _full_like(x, fill_value, dtype, device):
    return full(shape_(x), fill_value, dtype=dtype_of_(x) if dtype is None else dtype, device=device)


empty_like = op("empty_like(x, /, *, dtype=None, device=None)", _like("empty"))
zeros_like = op("zeros_like(x, /, *, dtype=None, device=None)", _like("zeros"))
ones_like = op("ones_like(x, /, *, dtype=None, device=None)", _like("ones"))
full_like = op("full_like(x, /, fill_value, *, dtype=None, device=None)", _full_like)


def _identity(n, dtype, device):
    return eye(n, dtype=dtype, device=device)


def _logspace(start, stop, num, base, dtype, device, endpoint):
    from .elementwise import pow as pow_

    e = linspace(start, stop, num, dtype=D.float64 if dtype is None or dtype.kind != "c" else dtype,
                 device=device, endpoint=endpoint)
    out = pow_(base, e)
    if dtype is not None and dtype is not D.float64:
        from .manipulation import astype
        out = astype(out, dtype)
    return out


identity = op("identity(n, /, *, dtype=None, device=None)", _identity)
logspace = op("logspace(start, stop, /, num, *, base=10.0, dtype=None, device=None, endpoint=True)", _logspace)
from_dlpack = op("from_dlpack(x, /, *, device=None, copy=None)",
                 doc="Import any DLPack-capable array (zero-copy where the runtimes allow).")
meshgrid = op("meshgrid(*arrays, indexing='xy')", doc="Returns a list of arrays.")
tril = op("tril(x, /, *, k=0)")
triu = op("triu(x, /, *, k=0)")
tril_indices = op("tril_indices(n, k=0, m=None, *, device=None)", doc="(rows, cols) int64 arrays.")
triu_indices = op("triu_indices(n, k=0, m=None, *, device=None)", doc="(rows, cols) int64 arrays.")

nondiff("arange", "empty", "zeros", "ones", "full", "eye", "linspace", "empty_like", "zeros_like",
        "ones_like", "full_like", "identity", "logspace", "tril_indices", "triu_indices")


def _asarray_vjp(g, out, obj, dtype, device, copy):
    from .inspection import dtype_of
    from .manipulation import astype
    return (astype(g, dtype_of(obj)) if dtype is not None else g,)


defvjp("asarray", _asarray_vjp)
defvjp("from_dlpack", lambda g, out, x, device, copy: (g,))


def _tril_vjp(g, out, x, k):
    return (tril(g, k=k),)


def _triu_vjp(g, out, x, k):
    return (triu(g, k=k),)


defvjp("tril", _tril_vjp)
defvjp("triu", _triu_vjp)


def _meshgrid_vjp(g, out, arrays, indexing):
    from .reduction import sum as sum_
    n = len(arrays)
    grads = []
    for i, a in enumerate(arrays):
        axis = i
        if indexing == "xy" and n >= 2 and i < 2:
            axis = 1 - i
        others = tuple(j for j in range(n) if j != axis)
        grads.append(sum_(g[i], axis=others) if others else g[i])
    return (tuple(grads), None)  # one cotangent per array of the *arrays tuple


defvjp("meshgrid", _meshgrid_vjp)
