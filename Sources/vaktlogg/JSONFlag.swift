import ArgumentParser

/// `--json`: answer with JSON instead of a sentence. On every command it means output, never input
/// (an entry is read with `log --input FILE|-`).
struct JSONFlag: ParsableArguments {
    @Flag(help: "Skriv JSON.")
    var json = false
}
