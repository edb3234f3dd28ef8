/* logwriter BYTES STAMPFILE [GOFIFO]: the log scenario's writer. Waits for one byte on GOFIFO when given
 * (so the harness decides when writing starts), appends its start time (CLOCK_MONOTONIC, nanoseconds) to
 * STAMPFILE, then writes BYTES to standard output as 64 KiB lines (65,535 letters and a newline) as fast
 * as it can, and then sleeps until it is killed, so no supervisor restarts it or sees it exit. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { LINE = 64 * 1024 };

static void stamp(const char *path) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    char text[64];
    int length = snprintf(text, sizeof text, "%lld\n", (long long)now.tv_sec * 1000000000LL + now.tv_nsec);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, text, (size_t)length) != length) {
        perror("logwriter: stamp");
        exit(1);
    }
    close(fd);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: logwriter BYTES STAMPFILE [GOFIFO]\n");
        return 2;
    }
    long long total = strtoll(argv[1], NULL, 10);
    if (argc > 3) {
        int go = open(argv[3], O_RDONLY | O_CLOEXEC);
        char byte;
        if (go < 0 || read(go, &byte, 1) != 1) {
            perror("logwriter: go fifo");
            return 1;
        }
        close(go);
    }
    static char line[LINE];
    memset(line, 'x', LINE - 1);
    line[LINE - 1] = '\n';
    stamp(argv[2]);
    long long written = 0;
    while (written < total) {
        size_t want = (size_t)(total - written < LINE ? total - written : LINE);
        ssize_t done = write(STDOUT_FILENO, line + (LINE - want), want);
        if (done < 0) {
            if (errno == EINTR) continue;
            perror("logwriter: write");
            return 1;
        }
        written += done;
    }
    for (;;) pause();
}
