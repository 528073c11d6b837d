extension Duration {
    /// This duration in seconds, as a `Double` (for `poll`, `Thread.sleep`, messages).
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
