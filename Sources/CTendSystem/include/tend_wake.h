#ifndef TEND_WAKE_H
#define TEND_WAKE_H

#include <stdint.h>

// Wake-ups that need no timer thread of libdispatch: a one-shot alarm on a timerfd, and signals relayed
// through a pipe. Every function returns -1 and leaves errno set on failure unless it says otherwise.

/// A close-on-exec CLOCK_MONOTONIC timerfd, disarmed.
int tend_alarm_create(void);
/// Arms the timerfd to expire once, `nanoseconds` from now (at least 1 ns); 0 or less disarms it.
int tend_alarm_arm(int timerfd, int64_t nanoseconds);
/// Blocks until the timerfd expires (returns 1, its expiry consumed) or `stopfd` (an eventfd) becomes
/// readable (returns 0). Retries EINTR.
int tend_alarm_wait(int timerfd, int stopfd);

/// Opens the process's signal relay: a pipe whose non-blocking write end the relay handler writes to.
/// Returns its read end (close-on-exec, blocking). Call once, before tend_signal_relay.
int tend_signal_relay_open(void);
/// Makes `signo` write its number as one byte into the relay from an async-signal-safe handler installed
/// with SA_RESTART (a full pipe drops the byte rather than block); the handler keeps errno.
int tend_signal_relay(int signo);
/// Reads one relayed signal number from the relay's read end (blocking, retrying EINTR); 0 at end of file.
int tend_signal_relay_next(int read_fd);

#endif
