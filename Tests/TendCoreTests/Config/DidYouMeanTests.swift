import Testing
@testable import TendCore

@Suite struct DidYouMeanTests {
    @Test(arguments: [
        ("comand", "command"),
        ("autorestrat", "autorestart"),
        ("stopwaitsec", "stopwaitsecs"),
        ("stdout_log", nil),
        ("Command", "command"),
        ("xyz", nil),
    ] as [(String, String?)])
    func suggestsOnlyPlausibleTypos(word: String, suggestion: String?) {
        #expect(DidYouMean.suggestion(for: word, among: ConfigKeys.program) == suggestion)
    }
}
