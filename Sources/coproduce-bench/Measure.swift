import Foundation

/// Times in milliseconds, summarised.
struct Samples {
    var values: [Double] = []

    mutating func add(_ ms: Double) { values.append(ms) }

    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, rank))]
    }

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var mean: Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
    var max: Double { values.max() ?? .nan }
}

/// Milliseconds taken by `body`.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

/// "1.23".
func f(_ x: Double, _ places: Int = 2) -> String { String(format: "%.\(places)f", x) }
