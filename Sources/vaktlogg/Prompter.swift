import Foundation
import VaktloggCore

#if canImport(Glibc)
import Glibc
import VaktloggText
#endif

/// Asks for missing fields on a terminal, listing the allowed values. Off the terminal (scripts,
/// pipes) nothing is asked and a missing field is an error, so a script never hangs.
struct Prompter {
    let language: Language

    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

    /// Asks until an answer is given; nil at end of input.
    func ask(_ question: LocalizedText, allowed: [String] = []) -> String? {
        let hint = allowed.isEmpty ? "" : " [\(allowed.joined(separator: ", "))]"
        while true {
            CLI.stderr("\(question(language))\(hint): ", terminator: "")
            guard let line = readLine() else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty { continue }
            if allowed.isEmpty || allowed.contains(answer) { return answer }
            CLI.stderr(InputText.invalidValue(language))
        }
    }
}
