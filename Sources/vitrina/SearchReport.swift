import VitrinaIndex
import VitrinaSearch

extension SearchReport {
    /// The report as `vitrina search` prints it without `--json`.
    func text() -> String {
        var lines = ["\(total) found in \(tookUs) µs"]
        for (rank, hit) in hits.enumerated() {
            let price = hit.price.map { " — \(formatNumber($0)) \(hit.currency ?? "")" } ?? ""
            lines.append(
                "\(rank + 1). [\(hit.id)] \(hit.highlights?["title"] ?? hit.title ?? "")\(price)  (score \(hit.score))")
            if let snippet = hit.highlights?["description"] { lines.append("   \(snippet)") }
        }
        for name in facets.keys.sorted() {
            guard let facet = facets[name] else { continue }
            if let values = facet.values {
                lines.append(
                    "\(name): " + values.prefix(10).map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
            } else if let buckets = facet.buckets {
                lines.append(
                    "\(name): "
                        + buckets.map { "\(formatNumber($0.from))–\(formatNumber($0.to)) (\($0.count))" }
                        .joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func formatNumber(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
