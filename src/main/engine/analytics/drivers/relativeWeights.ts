import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/**
 * Relative weights (Johnson 2000, "A heuristic method for estimating the relative weight of
 * predictor variables in multiple regression", Multivariate Behavioral Research 35(1)): the
 * drivers are replaced by their closest orthogonal counterparts Z = X P D^-1/2 P' (from the
 * eigendecomposition Rxx = P D P'), the outcome is regressed on Z, and each Z's explained variance
 * is shared back to the drivers by the squared loadings Lambda = P D^1/2 P'. The weights add up
 * to the R² of the regression on all drivers, and unlike betas they stay sensible when the drivers
 * correlate with one another, as survey items do.
 */
export interface RelativeWeights {
  /** One per driver, in the order given; they add up to rSquared. */
  raw: number[];
  rSquared: number;
}

/** Eigenvalues below this share of the largest make Rxx too close to singular to trust. */
const CONDITION_LIMIT = 1e-8;

/**
 * `rxx`: the drivers' correlation matrix (symmetric, ones on the diagonal); `rxy`: each driver's
 * r with the outcome. Null when Rxx is not positive definite (a pairwise-deleted matrix can fail
 * to be) or is numerically singular.
 */
export function relativeWeights(
  rxx: readonly (readonly number[])[],
  rxy: readonly number[],
): RelativeWeights | null {
  const k = rxy.length;
  if (k === 0 || rxx.length !== k) return null;
  const eig = new EigenvalueDecomposition(new Matrix(rxx.map((row) => [...row])), {
    assumeSymmetric: true,
  });
  const values = eig.realEigenvalues;
  const largest = Math.max(...values);
  if (!(largest > 0) || values.some((v) => !(v > largest * CONDITION_LIMIT))) return null;
  const vectors = eig.eigenvectorMatrix;
  const sqrtD = Matrix.diag(values.map(Math.sqrt));
  const invSqrtD = Matrix.diag(values.map((v) => 1 / Math.sqrt(v)));
  const lambda = vectors.mmul(sqrtD).mmul(vectors.transpose());
  const beta = vectors
    .mmul(invSqrtD)
    .mmul(vectors.transpose())
    .mmul(Matrix.columnVector([...rxy]));
  const raw = [...Array(k).keys()].map((j) => {
    let sum = 0;
    for (let m = 0; m < k; m++) sum += lambda.get(j, m) ** 2 * beta.get(m, 0) ** 2;
    return sum;
  });
  const rSquared = raw.reduce((a, b) => a + b, 0);
  if (!Number.isFinite(rSquared) || rSquared > 1 + 1e-9) return null;
  return { raw, rSquared };
}
