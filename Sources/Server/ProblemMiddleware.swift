import Foundation
public import Hummingbird
public import Logging
import NIOCore
import Postgres
import Store
import VaktloggText

/// Turns every failure of a request into a problem document in the caller's language: the
/// service's own refusals, the Store's (by category and code), Hummingbird's (no such route, body
/// too large) and anything unexpected (logged, a 500 that says nothing about the data).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let language = AcceptLanguage.resolve(request.headers[.acceptLanguage])
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return Reply(problem, language: language).response
        } catch let error as StoreError {
            if error.category == .internal || error.category == .unavailable {
                logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            }
            return Reply(Problem(error), language: language).response
        } catch let error as PostgresError {
            let store = StoreError(error)
            logger.error("database error", metadata: ["error": "\(store)", "path": "\(request.uri.path)"])
            return Reply(Problem(store), language: language).response
        } catch is NIOTooManyBytesError {
            return Reply(Problem(status: 413, code: "body_too_large", detail: APIText.bodyTooLarge(limit: maxBody)), language: language).response
        } catch let error as HTTPError {
            let problem = switch error.status.code {
            case 404: Problem.notFound
            case 405: Problem(status: 405, code: "method_not_allowed", detail: APIText.methodNotAllowed)
            case 413: Problem(status: 413, code: "body_too_large", detail: APIText.bodyTooLarge(limit: maxBody))
            case 400..<500: Problem(status: Int(error.status.code), code: "bad_request", detail: APIText.malformedJSON)
            default: Problem.internalError
            }
            return Reply(problem, language: language).response
        } catch {
            logger.error("unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return Reply(Problem.internalError, language: language).response
        }
    }

    let maxBody: Int
}
