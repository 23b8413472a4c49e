import Foundation

/// The draws the synthetic generator makes from its deterministic generator.
extension SplitMix64 {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func int(_ r: ClosedRange<Int64>) -> Int64 { r.lowerBound + Int64(next() % UInt64(r.upperBound - r.lowerBound + 1)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    mutating func bytes(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(n)
        while out.count < n {
            var v = next()
            for _ in 0..<8 where out.count < n { out.append(UInt8(v & 0xff)); v >>= 8 }
        }
        return out
    }
    mutating func uuid() -> String {
        var b = bytes(16)
        b[6] = (b[6] & 0x0f) | 0x40
        b[8] = (b[8] & 0x3f) | 0x80
        var hex: [UInt8] = []
        ChainValue.appendHex(b, to: &hex)
        let s = String(decoding: hex, as: UTF8.self)
        let i = Array(s)
        return String(i[0..<8]) + "-" + String(i[8..<12]) + "-" + String(i[12..<16]) + "-" + String(i[16..<20]) + "-" + String(i[20..<32])
    }
}
