"""numpy frontend: numpy.fft, differential against real NumPy on every backend (see mathhelp):
NumPy 2 dtypes (float32 -> complex64), n/s/axes/norm/out arguments and errors."""
import pytest

from mathhelp import ALL, run

# float16 input: NumPy rounds its normalization factors to float16, we keep them in float32
FT = ALL
ONE = ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")
MANY = ("fft2", "ifft2", "rfft2", "irfft2", "fftn", "ifftn", "rfftn", "irfftn")

CASES = {}
for _f in ONE:
    CASES[_f] = ([f"m.fft.{_f}(a.M)", f"m.fft.{_f}(a.V)", f"m.fft.{_f}(a.M, axis=0)", f"m.fft.{_f}(a.M, n=6)",
                  f"m.fft.{_f}(a.M, n=3, axis=0, norm='ortho')", f"m.fft.{_f}(a.V, norm='forward')",
                  f"m.fft.{_f}(a.V, n=0)", f"m.fft.{_f}(a.V, norm='bad')", f"m.fft.{_f}(a.M, axis=2)",
                  f"m.fft.{_f}(a.S)"], FT)
for _f in MANY:
    CASES[_f] = ([f"m.fft.{_f}(a.M)", f"m.fft.{_f}(a.T)", f"m.fft.{_f}(a.T, axes=(0, 2))",
                  f"m.fft.{_f}(a.M, s=(2, 6))", f"m.fft.{_f}(a.T, s=(4, 3), axes=(2, 1), norm='ortho')",
                  f"m.fft.{_f}(a.M, norm='forward')", f"m.fft.{_f}(a.M, s=(2, 3, 4))",
                  f"m.fft.{_f}(a.M, axes=(0, 5))"], FT)
CASES["fftn"][0].append("m.fft.fftn(a.T, s=(2, 2))")
CASES["fftfreq"] = (["m.fft.fftfreq(8)", "m.fft.fftfreq(7, 0.5)", "m.fft.fftfreq(1)", "m.fft.fftfreq(5, d=2)",
                     "m.fft.fftfreq(2.5)"], ("float64",))
CASES["rfftfreq"] = (["m.fft.rfftfreq(8)", "m.fft.rfftfreq(7, 0.25)", "m.fft.rfftfreq(1)"], ("float64",))
CASES["fftshift"] = (["m.fft.fftshift(a.M)", "m.fft.fftshift(a.V)", "m.fft.fftshift(a.T, axes=1)",
                      "m.fft.fftshift(a.T, axes=(0, 2))"], ALL)
CASES["ifftshift"] = (["m.fft.ifftshift(a.M)", "m.fft.ifftshift(a.T, axes=-1)"], ALL)


@pytest.mark.parametrize("name", sorted(CASES))
def test_function(backend, name):
    cases, dtypes = CASES[name]
    run(backend, cases, dtypes)


def test_out_argument(backend):
    run(backend, ["(lambda o: (m.fft.fft(a.M, out=o) is o, o))(m.zeros((3, 4), dtype=complex))",
                  "(lambda o: (m.fft.rfftn(a.M, out=o), o)[1])(m.zeros((3, 3), dtype=complex))"], ("float64",))


def test_every_fft_function_exists():
    import numpy

    import unify.frontends.numpy as fnp
    names = {n for n in dir(numpy.fft) if not n.startswith("_") and callable(getattr(numpy.fft, n))} - {"test"}
    assert names <= set(CASES), names - set(CASES)
    for n in names:
        assert callable(getattr(fnp.fft, n))
