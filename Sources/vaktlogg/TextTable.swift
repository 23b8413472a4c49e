/// Columns padded to their widest cell, two spaces apart (the last column is not padded).
enum TextTable {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { i in i == row.count - 1 ? row[i] : row[i].padding(widths[i]) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
