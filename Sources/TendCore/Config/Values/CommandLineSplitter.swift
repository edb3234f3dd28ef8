/// Splits a command written as one string into argv the way a POSIX shell would split words, without
/// running a shell: whitespace separates words, single quotes keep everything literally, double quotes keep
/// spaces and honour `\"`, `\\`, `\$` and `` \` ``, and a backslash outside quotes escapes the next character.
/// Nothing is expanded: `$HOME`, `*` and `~` reach the program as written.
public enum CommandLineSplitter {
    /// Why a command string could not be split.
    public struct SplitError: Error, Equatable {
        /// The offset, in Unicode scalars from the start of the string, of the character at fault.
        public var offset: Int
        public var message: String
    }

    /// The words of `command`, or the position and reason it cannot be split.
    public static func split(_ command: String) -> Result<[String], SplitError> {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: (scalar: Unicode.Scalar, offset: Int)?
        var escaped = false
        for (offset, scalar) in command.unicodeScalars.enumerated() {
            if escaped {
                if let open = quote, open.scalar == "\"", !["\"", "\\", "$", "`", "\n"].contains(scalar) {
                    word.unicodeScalars.append("\\")
                }
                if scalar != "\n" { word.unicodeScalars.append(scalar) }
                escaped = false
                continue
            }
            if let open = quote {
                if scalar == open.scalar {
                    quote = nil
                } else if scalar == "\\" && open.scalar == "\"" {
                    escaped = true
                } else {
                    word.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'", "\"":
                quote = (scalar, offset)
                inWord = true
            case "\\":
                escaped = true
                inWord = true
            default:
                word.unicodeScalars.append(scalar)
                inWord = true
            }
        }
        if let open = quote {
            let kind = open.scalar == "'" ? "single" : "double"
            return .failure(SplitError(offset: open.offset, message: "unterminated \(kind) quote in command"))
        }
        if escaped {
            return .failure(SplitError(offset: command.unicodeScalars.count - 1, message: "command ends with a lone backslash"))
        }
        if inWord { words.append(word) }
        return .success(words)
    }
}
