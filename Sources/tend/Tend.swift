import ArgumentParser

@main
struct Tend: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A process supervisor.")
}
