package io.clusterdeploy.provider.local;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the operating system says about the sample-app processes this test JVM started. */
final class Processes {
    private Processes() {
    }

    /** Pids of live descendant processes running the sample app, one per instance. */
    static Set<Long> sampleApps() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> arguments(p).contains("io.clusterdeploy.sample.HelloApp"))
                .filter(Processes::outermost)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /**
     * The instance's own process, the one the provider started and records: where instances run in a PID
     * namespace that is {@code unshare}, and the app it runs (its child, with the same arguments) is not counted.
     */
    private static boolean outermost(ProcessHandle p) {
        return p.parent().flatMap(parent -> parent.info().command()).map(c -> !c.endsWith("/unshare")).orElse(true);
    }

    /** The pid of the live process started with {@code --instance-id id}. */
    static Optional<Long> pidOf(String instanceId) {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> {
                    List<String> args = arguments(p);
                    int i = args.indexOf("--instance-id");
                    return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(instanceId);
                })
                .filter(Processes::outermost)
                .map(ProcessHandle::pid)
                .findFirst();
    }

    /** The pids of live processes started with {@code --instance-id id}, wherever they are in the process tree: a set, since
     * other builds on a shared machine start instances of the same ids. */
    static Set<Long> pidsOf(String instanceId) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> {
                    List<String> args = arguments(p);
                    int i = args.indexOf("--instance-id");
                    return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(instanceId);
                })
                .filter(Processes::outermost)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<String> arguments(ProcessHandle p) {
        return p.info().arguments().map(Arrays::asList).orElse(List.of());
    }
}
