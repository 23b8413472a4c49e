/// PostgreSQL's one-dimensional array text form (`{a,"b c",NULL,"NULL","x\"y"}`).
///
/// Formatting quotes every element, which is always valid and needs no knowledge of which
/// characters are special (commas, braces, spaces, backslashes, quotes, the word NULL).
/// Parsing follows `array_in`: quoted elements with backslash escapes, unquoted elements with
/// surrounding whitespace dropped, unquoted `NULL` (any case) as SQL NULL, and an optional
/// `[lo:hi]=` dimension prefix.
enum ArrayLiteral {
    static func format(_ elements: [String?]) -> String {
        var out = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(",") }
            guard let element else {
                out.append("NULL")
                continue
            }
            out.append("\"")
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { out.append("\\") }
                out.unicodeScalars.append(character)
            }
            out.append("\"")
        }
        out.append("}")
        return out
    }

    enum ParseError: Error { case malformed(String) }

    static func parse(_ text: String) throws -> [String?] {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "[") {
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { throw ParseError.malformed("bad dimensions") }
            bytes = bytes[(equals + 1)...]
        }
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
            throw ParseError.malformed("not an array literal")
        }
        bytes = bytes.dropFirst().dropLast()
        if bytes.allSatisfy(isSpace) { return [] }

        var elements: [String?] = []
        var index = bytes.startIndex
        while true {
            while index < bytes.endIndex, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.endIndex else { throw ParseError.malformed("missing element") }
            if bytes[index] == UInt8(ascii: "{") { throw ParseError.malformed("multidimensional arrays are not supported") }
            var element: [UInt8] = []
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                var closed = false
                while index < bytes.endIndex {
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\\") {
                        guard index < bytes.endIndex else { break }
                        element.append(bytes[index])
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        closed = true
                        break
                    } else {
                        element.append(byte)
                    }
                }
                guard closed else { throw ParseError.malformed("unterminated quoted element") }
                while index < bytes.endIndex, isSpace(bytes[index]) { index += 1 }
                elements.append(String(decoding: element, as: UTF8.self))
            } else {
                var trailingSpaces = 0
                var escaped = false
                while index < bytes.endIndex, bytes[index] != UInt8(ascii: ",") {
                    var byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\\"), index < bytes.endIndex {
                        byte = bytes[index]
                        index += 1
                        trailingSpaces = 0
                        escaped = true
                    } else if isSpace(byte) {
                        trailingSpaces += 1
                    } else {
                        trailingSpaces = 0
                    }
                    element.append(byte)
                }
                element.removeLast(trailingSpaces)
                let string = String(decoding: element, as: UTF8.self)
                elements.append(!escaped && string.uppercased() == "NULL" ? nil : string)
            }
            guard index < bytes.endIndex else { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw ParseError.malformed("expected comma") }
            index += 1
        }
        return elements
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
