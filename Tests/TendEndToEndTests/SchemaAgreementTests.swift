import Foundation
import Testing
import TendTestKit
import TendCore
import TendSystem

/// The JSON Schema, the decoder and the examples describe one configuration.
@Suite struct SchemaAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func schema() throws -> [String: ConfigValue] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/schemas/tend.schema.json")))
        return try ConfigSyntax.json.parse(bytes: bytes).root
    }

    static func propertyNames(_ value: ConfigValue?) -> Set<String> {
        guard case .table(let table)? = value, case .table(let properties)? = table["properties"] else { return [] }
        return Set(properties.keys)
    }

    static func definition(_ name: String, in schema: [String: ConfigValue]) -> ConfigValue? {
        guard case .table(let defs)? = schema["$defs"] else { return nil }
        return defs[name]
    }

    @Test func theSchemaHasExactlyTheModelsKeys() async throws {
        let schema = try Self.schema()
        #expect(Self.propertyNames(.table(schema)) == Set(ConfigKeys.sections + [ConfigKeys.schemaReference]))
        #expect(Self.propertyNames(Self.definition("daemon", in: schema)) == Set(ConfigKeys.daemon))
        #expect(Self.propertyNames(Self.definition("program", in: schema)) == Set(ConfigKeys.program))
        #expect(Self.propertyNames(Self.definition("group", in: schema)) == Set(ConfigKeys.group))
        #expect(Self.propertyNames(Self.definition("backoff", in: schema)) == Set(ConfigKeys.backoff))
    }

    @Test func everyKeyInTheSchemaIsDescribed() async throws {
        let schema = try Self.schema()
        for section in ["daemon", "program", "group", "backoff"] {
            guard case .table(let definition)? = Self.definition(section, in: schema),
                  case .table(let properties)? = definition["properties"] else {
                Issue.record("no properties for \(section)")
                continue
            }
            for (key, value) in properties {
                guard case .table(let property) = value, case .string(let text)? = property["description"], !text.isEmpty else {
                    Issue.record("\(section).\(key) has no description")
                    continue
                }
            }
        }
    }

    @Test func everyExampleLoadsWithoutAnyDiagnostic() async throws {
        let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: .local(), workingDirectory: Self.root)
        let loaded = try loader.load(mainFile: "examples/tend.toml")
        #expect(loaded.diagnostics.map(\.description) == [])
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/examples/conf.d").sorted()
        #expect(loaded.fragments.map(\.file).sorted() == (["examples/tend.toml"] + files.map { "examples/conf.d/" + $0 }).sorted())
        let config = try #require(loaded.config)
        let worker = try #require(config.program(named: "worker"))
        #expect(worker.instances.map(\.name) == ["worker_00", "worker_01", "worker_02", "worker_03"])
    }
}
