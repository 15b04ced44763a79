"""Older PyTorch versions as data: the 1.x APIs that PyTorch 2.13 (this frontend) removed.

`apply(torch_module, "1.7")` (called by `unify.install("torch", version=...)` and
`unify run --emulate torch==1.7`) adds every entry of TABLE whose range holds the version,
sets `__version__`, and returns an undo. Each entry has the old documented semantics, written
on the frontend's current functions:

- `torch.fft/ifft/rfft/irfft(input, signal_ndim, normalized=False[, onesided=True
  [, signal_sizes]])` (removed in 1.8): complex values as real tensors with a last dimension
  of size 2; the transform runs over the `signal_ndim` dimensions before it; `normalized`
  means the "ortho" norm. `torch.fft` is also the module in 1.7, so under an emulated version
  below 1.8 the module `torch.fft` is made callable (`torch.fft(x, 1)` and `torch.fft.fft(x)`
  both work). The Tensor methods `x.fft(1)`, ... too.
- `torch.solve(B, A) -> (solution, LU)`, `torch.lstsq(B, A) -> (solution, QR)`,
  `torch.eig(A, eigenvectors=False) -> (eigenvalues as (n, 2) real, eigenvectors)`,
  `torch.matrix_rank(A, tol=None, symmetric=False)` (removed in 1.13) and
  `torch.symeig(A, eigenvectors=False, upper=True)` (removed in 2.0), with Tensor methods.
  (`torch.qr(some=True)` and `torch.chain_matmul` are still in 2.13: the frontend has them.)
"""
from __future__ import annotations

import types
from collections import namedtuple

from .._emulate import Entry, apply_table, parse
from ._api import public

OLDEST, NEWEST = "1.4", "2.13"

solve_result = namedtuple("solve", ["solution", "LU"])
lstsq_result = namedtuple("lstsq", ["solution", "QR"])
eig_result = namedtuple("eig", ["eigenvalues", "eigenvectors"])
symeig_result = namedtuple("symeig", ["eigenvalues", "eigenvectors"])


def _dims(x, signal_ndim, complex_input):
    if signal_ndim not in (1, 2, 3):
        raise RuntimeError(f"signal_ndim should be 1, 2 or 3, but got {signal_ndim}")
    nd = x.dim() - (1 if complex_input else 0)
    if nd < signal_ndim:
        raise RuntimeError(f"expected a tensor with at least {signal_ndim} signal dimensions")
    return tuple(range(nd - signal_ndim, nd))


def _as_complex(torch, x):
    if x.dim() < 1 or x.shape[-1] != 2:
        raise RuntimeError("expected the last dimension of size 2 (real and imaginary parts)")
    return torch.view_as_complex(x.contiguous())


def _norm(normalized):
    return "ortho" if normalized else "backward"


def _old_fft(torch):
    def fft(input, signal_ndim, normalized=False):
        """torch.fft (PyTorch < 1.8): complex-to-complex DFT of a real (..., 2) tensor."""
        dims = _dims(input, signal_ndim, True)
        out = torch.fft.fftn(_as_complex(torch, input), dim=dims, norm=_norm(normalized))
        return torch.view_as_real(out)
    return public(fft, "fft")


def _old_ifft(torch):
    def ifft(input, signal_ndim, normalized=False):
        """torch.ifft (PyTorch < 1.8): inverse DFT (1/n scaled unless normalized)."""
        dims = _dims(input, signal_ndim, True)
        out = torch.fft.ifftn(_as_complex(torch, input), dim=dims, norm=_norm(normalized))
        return torch.view_as_real(out)
    return public(ifft, "ifft")


def _old_rfft(torch):
    def rfft(input, signal_ndim, normalized=False, onesided=True):
        """torch.rfft (PyTorch < 1.8): real-to-complex DFT, the half spectrum when onesided."""
        dims = _dims(input, signal_ndim, False)
        f = torch.fft.rfftn if onesided else torch.fft.fftn
        return torch.view_as_real(f(input, dim=dims, norm=_norm(normalized)))
    return public(rfft, "rfft")


def _old_irfft(torch):
    def irfft(input, signal_ndim, normalized=False, onesided=True, signal_sizes=None):
        """torch.irfft (PyTorch < 1.8): complex-to-real inverse DFT of a Hermitian spectrum.
        The last signal size is signal_sizes[-1], else 2 * (n - 1) for a onesided input."""
        dims = _dims(input, signal_ndim, True)
        z = _as_complex(torch, input)
        if signal_sizes is not None:
            s = tuple(signal_sizes)
        else:
            s = tuple(z.shape[d] for d in dims[:-1])
            last = z.shape[dims[-1]]
            s += (2 * (last - 1) if onesided else last,)
        if not onesided:  # the full spectrum: keep its first half
            z = z.narrow(dims[-1], 0, s[-1] // 2 + 1)
        return torch.fft.irfftn(z, s=s, dim=dims, norm=_norm(normalized))
    return public(irfft, "irfft")


def _solve(torch):
    def solve(input, A, *, out=None):
        """torch.solve(B, A) (PyTorch < 1.13): X with AX = B, and A's LU factorization
        (torch.linalg.lu_factor's packed LU)."""
        x = torch.linalg.solve(A, input)
        lu = torch.linalg.lu_factor(A)[0]
        return solve_result(x, lu)
    return public(solve, "solve")


def _lstsq(torch):
    def lstsq(input, A, *, out=None):
        """torch.lstsq(B, A) (PyTorch < 1.13): LAPACK gels. The solution has max(m, n) rows:
        the first n are X minimising ||AX - B||; when m > n the rest are the last m - n rows
        of Q^T B (their squares sum to the residual). QR is geqrf's packed factorization."""
        if A.dim() != 2 or input.dim() not in (1, 2):
            raise RuntimeError("torch.lstsq: A should be 2-D and B 1-D or 2-D")
        b = input.unsqueeze(-1) if input.dim() == 1 else input
        m, n = A.shape
        x = torch.linalg.lstsq(A, b).solution if m >= n else torch.linalg.pinv(A) @ b
        if m > n:
            q = torch.linalg.qr(A, mode="complete")[0]
            x = torch.cat([x, (q.mT @ b)[n:]], 0)
        qr = torch.geqrf(A)[0]
        return lstsq_result(x, qr)
    return public(lstsq, "lstsq")


def _eig(torch):
    def eig(input, eigenvectors=False, *, out=None):
        """torch.eig (PyTorch < 1.13): eigenvalues as an (n, 2) real tensor (real, imaginary
        parts); eigenvectors real: for a conjugate pair j, j+1 the columns hold the real and
        imaginary parts of the vector of eigenvalue j. Empty eigenvectors unless asked."""
        if input.dim() != 2 or input.shape[0] != input.shape[1]:
            raise RuntimeError("torch.eig: input should be a square 2-D matrix")
        if input.is_complex():
            raise RuntimeError("torch.eig: expected a real matrix")
        w, v = torch.linalg.eig(input)
        values = torch.stack([w.real, w.imag], -1)
        if not eigenvectors:
            return eig_result(values, torch.empty(0, dtype=input.dtype))
        cols, imag, j = [], w.imag.tolist(), 0
        while j < len(imag):
            if imag[j] != 0 and j + 1 < len(imag):
                cols += [v[:, j].real, v[:, j].imag]
                j += 2
            else:
                cols.append(v[:, j].real)
                j += 1
        return eig_result(values, torch.stack(cols, 1) if cols else v.real)
    return public(eig, "eig")


def _symeig(torch):
    def symeig(input, eigenvectors=False, upper=True, *, out=None):
        """torch.symeig (PyTorch < 2.0): eigh of the upper (or lower) triangle; eigenvalues
        ascending; empty eigenvectors unless asked."""
        w, v = torch.linalg.eigh(input, UPLO="U" if upper else "L")
        if not eigenvectors:
            v = torch.empty(0, dtype=input.dtype)
        return symeig_result(w, v)
    return public(symeig, "symeig")


def _matrix_rank(torch):
    def matrix_rank(input, tol=None, symmetric=False, *, out=None):
        """torch.matrix_rank (PyTorch < 1.13): singular values above tol (default
        max(sigma) * max(m, n) * eps), eigenvalues' magnitudes when symmetric."""
        if tol is None:
            return torch.linalg.matrix_rank(input, hermitian=symmetric)
        return torch.linalg.matrix_rank(input, atol=tol, rtol=0.0, hermitian=symmetric)
    return public(matrix_rank, "matrix_rank")


class _CallableModule(types.ModuleType):
    """torch.fft in PyTorch 1.7: the module, and the old function when called."""

    def __call__(self, *args, **kwargs):
        return self.__dict__["_old_fft_function"](*args, **kwargs)


M, T = "module", "Tensor"
TABLE = [
    Entry(M, "ifft", None, "1.8", _old_ifft),
    Entry(M, "rfft", None, "1.8", _old_rfft),
    Entry(M, "irfft", None, "1.8", _old_irfft),
    Entry(T, "fft", None, "1.8", _old_fft),
    Entry(T, "ifft", None, "1.8", _old_ifft),
    Entry(T, "rfft", None, "1.8", _old_rfft),
    Entry(T, "irfft", None, "1.8", _old_irfft),
    Entry(M, "solve", None, "1.13", _solve),
    Entry(M, "lstsq", None, "1.13", _lstsq),
    Entry(M, "eig", None, "1.13", _eig),
    Entry(M, "matrix_rank", None, "1.13", _matrix_rank),
    Entry(M, "symeig", None, "2.0", _symeig),
    Entry(T, "solve", None, "1.13", _solve),
    Entry(T, "lstsq", None, "1.13", _lstsq),
    Entry(T, "eig", None, "1.13", _eig),
    Entry(T, "symeig", None, "2.0", _symeig),
]
# torch.fft below 1.8: the module made callable as the old function (see _CallableModule)
CALLABLE_FFT_UNTIL = "1.8"


def apply(module, version: str):
    """Make the torch frontend `module` look like PyTorch `version`; returns the undo."""
    undo = apply_table(module, version, TABLE, OLDEST, NEWEST, "torch")
    if parse(version) >= parse(CALLABLE_FFT_UNTIL):
        return undo
    fft_module = module.fft
    old_class = fft_module.__class__
    fft_module._old_fft_function = _old_fft(module)
    fft_module.__class__ = _CallableModule

    def undo_all():
        fft_module.__class__ = old_class
        fft_module.__dict__.pop("_old_fft_function", None)
        undo()

    return undo_all
