import Crypto

/// SHA-256 (swift-crypto) for the product's identities: a rule set's hash, migration checksums,
/// chain heads. Hex is lower case, as `sha256sum` prints it, so anyone can recompute one.
public enum SHA256Digest {
    /// The digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: Array(bytes)))
    }

    /// The digest of the UTF-8 bytes of `text`, in hex.
    public static func hex(_ text: String) -> String { hex(bytes: hash(Array(text.utf8))) }

    /// `bytes` in lower-case hex.
    public static func hex(bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
