import ArgumentParser
import Postgres
import Store
import VaktloggCore
import VaktloggText

extension CLI {
    /// Prints a Store error in the user's language and returns the exit code to throw.
    static func report(_ error: StoreError, language: Language) -> ExitCode {
        stderr("vaktlogg: " + error.formatted(language))
        return ExitStatus.of(error)
    }

    /// Prints a refusal of the CLI's own input checks (`field: message`) and returns exit 65.
    static func reportInvalid(field: String, _ message: LocalizedText, language: Language) -> ExitCode {
        stderr("vaktlogg: \(field): " + message(language))
        return ExitStatus.badData
    }

    /// Runs a Store operation, turning its errors into messages and exit codes (design.md §6).
    static func perform<T>(language: Language, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw report(error, language: language)
        } catch let error as PostgresError {
            throw report(StoreError(error), language: language)
        } catch let error as VaktloggCore.ValidationError {
            throw report(StoreError(error), language: language)
        }
    }
}
