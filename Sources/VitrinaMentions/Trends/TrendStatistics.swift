import Foundation

/// The significance tests behind trends and alerts.
///
/// Counts in a window are compared with the rate of a longer baseline before it (Poisson: is
/// the window's count surprisingly high for that rate?), and shares (the negative share) with a
/// two-proportion z-test. Monitoring tools flag a trend only from about 50 mentions, so alerts
/// also need a minimum count.
enum TrendStatistics {
    /// One-sided p-value of seeing `observed` or more events when `expected` are expected (Poisson).
    static func poissonUpperTail(observed: Int, expected: Double) -> Double {
        guard observed > 0 else { return 1 }
        guard expected > 0 else { return 0 }
        if observed > 2_000 || expected > 2_000 {
            // Normal approximation with a continuity correction.
            return normalUpperTail((Double(observed) - 0.5 - expected) / expected.squareRoot())
        }
        // P(X ≥ k) = 1 − Σ_{i<k} e^−λ λ^i / i!, summed in log space.
        var logTerm = -expected
        var below = exp(logTerm)
        for index in 1..<observed {
            logTerm += log(expected) - log(Double(index))
            below += exp(logTerm)
        }
        return max(0, 1 - below)
    }

    /// The z of a Poisson count against its expectation (Anscombe's variance-stabilizing form).
    static func poissonZ(observed: Int, expected: Double) -> Double {
        2 * ((Double(observed) + 3.0 / 8).squareRoot() - (max(expected, 0) + 3.0 / 8).squareRoot())
    }

    /// The two-proportion z of `hits`/`total` in the window against `baseHits`/`baseTotal`.
    static func proportionZ(hits: Int, total: Int, baseHits: Int, baseTotal: Int) -> Double {
        guard total > 0, baseTotal > 0 else { return 0 }
        let window = Double(hits) / Double(total)
        let base = Double(baseHits) / Double(baseTotal)
        let pooled = Double(hits + baseHits) / Double(total + baseTotal)
        let spread = (pooled * (1 - pooled) * (1 / Double(total) + 1 / Double(baseTotal))).squareRoot()
        return spread > 0 ? (window - base) / spread : 0
    }

    /// P(Z ≥ z) for a standard normal Z.
    static func normalUpperTail(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }
}
