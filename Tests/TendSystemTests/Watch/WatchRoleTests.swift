import Testing
@testable import TendSystem

@Suite struct WatchRoleTests {
    private static func event(_ mask: InotifyMask, _ name: String = "") -> InotifyEvent {
        InotifyEvent(watch: 1, mask: mask, name: name)
    }

    @Test(arguments: [
        (WatchRole.tree, event(.closeWrite, "a.toml"), WatchEffect(changed: true, needsResync: false)),
        (.tree, event(.movedTo, "a.toml"), WatchEffect(changed: true, needsResync: false)),
        (.tree, event([.create, .isDirectory], "sub"), WatchEffect(changed: true, needsResync: true)),
        (.tree, event([.movedTo, .isDirectory], "sub"), WatchEffect(changed: true, needsResync: true)),
        (.tree, event([.delete, .isDirectory], "sub"), WatchEffect(changed: true, needsResync: true)),
        (.tree, event([.attrib, .isDirectory], "sub"), WatchEffect(changed: true, needsResync: false)),
        (.tree, event(.closeWrite, "b.JSON"), WatchEffect(changed: true, needsResync: false)),
        (.tree, event(.closeWrite, "web-stdout.log"), WatchEffect(changed: false, needsResync: false)),
        (.tree, event(.closeWrite, "..data"), WatchEffect(changed: false, needsResync: false)),
        (.tree, event(.create, "web-stdout.log"), WatchEffect(changed: true, needsResync: false)),
        (.tree, event(.movedTo, "..data"), WatchEffect(changed: true, needsResync: false)),
        (.tree, event(.delete, "web-stdout.log.1"), WatchEffect(changed: true, needsResync: false)),
        (.tree, event(.deleteSelf), WatchEffect(changed: true, needsResync: true)),
        (.tree, event(.ignored), WatchEffect(changed: true, needsResync: true)),
        (.tree, event(.moveSelf), WatchEffect(changed: true, needsResync: true)),
        (.entry("tend.toml"), event(.movedTo, "tend.toml"), WatchEffect(changed: true, needsResync: false)),
        (.entry("tend.toml"), event(.create, "tend.sock"), WatchEffect(changed: false, needsResync: false)),
        (.entry("tend.toml"), event(.create, "4913"), WatchEffect(changed: false, needsResync: false)),
        (.entry("tend.toml"), event(.deleteSelf), WatchEffect(changed: true, needsResync: true)),
        (.awaiting("conf.d"), event([.create, .isDirectory], "conf.d"), WatchEffect(changed: true, needsResync: true)),
        (.awaiting("conf.d"), event(.create, "other"), WatchEffect(changed: false, needsResync: false)),
    ] as [(WatchRole, InotifyEvent, WatchEffect)])
    func eventMeansWhatTheRoleSays(role: WatchRole, event: InotifyEvent, expected: WatchEffect) {
        #expect(role.effect(of: event) == expected)
    }

    @Test(arguments: [
        ("/a/b", "/a", "b"), ("/a/b/", "/a", "b"), ("/a", "/", "a"), ("a", ".", "a"), ("a/b", "a", "b"),
    ])
    func pathArithmetic(path: String, parent: String, last: String) {
        #expect(PathText.parent(of: path) == parent)
        #expect(PathText.lastComponent(of: path) == last)
    }

    @Test func rootAndDotHaveNoParent() {
        #expect(PathText.parent(of: "/") == nil)
        #expect(PathText.parent(of: ".") == nil)
    }
}
