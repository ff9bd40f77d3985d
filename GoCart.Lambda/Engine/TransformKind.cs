namespace GoCart.Lambda.Engine;

/// <summary>The real-to-real transforms of the flow-based method, unnormalised as FFTW defines them.</summary>
public enum TransformKind
{
    /// <summary>DCT-II (FFTW REDFT10): Y_k = 2 Σ X_j cos(πk(j+½)/n).</summary>
    Dct2,

    /// <summary>DCT-III (FFTW REDFT01): Y_k = X_0 + 2 Σ_{j≥1} X_j cos(πj(k+½)/n). Inverse of DCT-II up to 2n.</summary>
    Dct3,

    /// <summary>DST-III (FFTW RODFT01): Y_k = (−1)^k X_{n−1} + 2 Σ_{j≤n−2} X_j sin(π(j+1)(k+½)/n).</summary>
    Dst3,
}
