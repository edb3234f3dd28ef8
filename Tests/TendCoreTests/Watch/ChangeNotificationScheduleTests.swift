import Testing
@testable import TendCore

/// A point on a manual clock: milliseconds since an arbitrary origin.
struct ManualInstant: InstantProtocol {
    var offset: Duration

    static func ms(_ milliseconds: Int) -> ManualInstant { ManualInstant(offset: .milliseconds(milliseconds)) }
    func advanced(by duration: Duration) -> ManualInstant { ManualInstant(offset: offset + duration) }
    func duration(to other: ManualInstant) -> Duration { other.offset - offset }
    static func < (lhs: ManualInstant, rhs: ManualInstant) -> Bool { lhs.offset < rhs.offset }
}

@Suite struct ChangeNotificationScheduleTests {
    private func take(_ schedule: inout ChangeNotificationSchedule<ManualInstant>, at now: ManualInstant) -> Bool {
        schedule.takeDueNotification(at: now)
    }

    private func schedule(safety: Duration? = nil) -> ChangeNotificationSchedule<ManualInstant> {
        ChangeNotificationSchedule(
            quietWindow: .milliseconds(20), burstCap: .milliseconds(300), safetyInterval: safety, now: .ms(0))
    }

    @Test func idleScheduleHasNoDeadline() {
        var schedule = schedule()
        #expect(schedule.deadline == nil)
        #expect(!take(&schedule, at: .ms(1_000_000)))
    }

    @Test func oneChangeIsAnnouncedOnceAfterTheQuietWindow() {
        var schedule = schedule()
        schedule.recordChange(at: .ms(100))
        #expect(schedule.deadline == .ms(120))
        #expect(!take(&schedule, at: .ms(119)))
        #expect(take(&schedule, at: .ms(120)))
        #expect(!schedule.hasPendingChange)
        #expect(!take(&schedule, at: .ms(500)))
    }

    @Test func eachEventInABurstPushesTheDeadline() {
        var schedule = schedule()
        for time in stride(from: 0, through: 100, by: 10) { schedule.recordChange(at: .ms(time)) }
        #expect(schedule.deadline == .ms(120))
    }

    /// Events every 10 ms would postpone the notification forever; the cap announces the burst so far, and
    /// the next event starts a new burst.
    @Test(arguments: [300, 600, 900])
    func continuousBurstIsAnnouncedAtTheCap(burstStart: Int) {
        var schedule = schedule()
        var notifiedAt: [Int] = []
        for time in stride(from: burstStart, to: burstStart + 700, by: 10) {
            if schedule.takeDueNotification(at: .ms(time)) { notifiedAt.append(time) }
            schedule.recordChange(at: .ms(time))
        }
        #expect(notifiedAt == [burstStart + 300, burstStart + 600])
    }

    @Test func safetyTimerFiresWithoutChangesAndStartsOverAfterAnyNotification() {
        var schedule = schedule(safety: .seconds(60))
        #expect(schedule.deadline == .ms(60_000))
        schedule.recordChange(at: .ms(1_000))
        #expect(schedule.deadline == .ms(1_020))
        #expect(take(&schedule, at: .ms(1_020)))
        #expect(schedule.deadline == .ms(61_020))
        #expect(!take(&schedule, at: .ms(61_019)))
        #expect(take(&schedule, at: .ms(61_020)))
    }

    @Test func capIsNeverShorterThanTheQuietWindow() {
        var schedule = ChangeNotificationSchedule<ManualInstant>(
            quietWindow: .milliseconds(50), burstCap: .milliseconds(10), safetyInterval: nil, now: .ms(0))
        schedule.recordChange(at: .ms(0))
        #expect(schedule.deadline == .ms(50))
    }
}
