import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the correspondence list page of a running node: N concurrent users, each logged in with its own
 * session, each asking for list pages (default order, a filter, a search, a later page) in turn. Prints the
 * p50/p90/p99 latency per page kind and overall. Then, given the node's process id, one user asks for each page
 * kind in turn alone and the node's CPU time is read from /proc before and after: CPU per page is what a page
 * costs the node, which queueing behind other users and other work on the machine hardly changes (latency under
 * load does). Run by bench/missions-list.sh; single-file Java 17 program.
 *
 *   java ListBench.java <base-url> <user> <password> <users> <requests-per-user> [<node pid> [<alone per page>]]
 */
public final class ListBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        String password = args[2];
        int users = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        List<String> pages = List.of(
                "/diwan/missions/correspondence",
                "/diwan/missions/correspondence?classification=POLITICAL&sort=date&dir=desc",
                "/diwan/missions/correspondence?q=" + URLEncoder.encode("الثقافه العربيه", StandardCharsets.UTF_8),
                "/diwan/missions/correspondence?page=20",
                "/diwan/missions/registry?sort=country");
        Map<String, ConcurrentLinkedQueue<Long>> timings = new java.util.LinkedHashMap<>();
        pages.forEach(p -> timings.put(p, new ConcurrentLinkedQueue<>()));
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            sessions.add(Session.login(base, user, password));
        }
        // warm-up: templates compiled, caches and JIT warm
        for (String page : pages) {
            for (int i = 0; i < 5; i++) {
                sessions.get(0).get(page);
            }
        }
        CountDownLatch done = new CountDownLatch(users);
        long start = System.nanoTime();
        for (int u = 0; u < users; u++) {
            Session session = sessions.get(u);
            int offset = u;
            new Thread(() -> {
                try {
                    for (int r = 0; r < requests; r++) {
                        String page = pages.get((r + offset) % pages.size());
                        long t0 = System.nanoTime();
                        int status = session.get(page);
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (status != 200) {
                            errors.add(page + " -> " + status);
                        }
                        timings.get(page).add(micros);
                    }
                } catch (Exception e) {
                    errors.add(e.toString());
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        System.out.printf("%-75s %7s %8s %8s %8s%n", "page", "n", "p50 ms", "p90 ms", "p99 ms");
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : timings.entrySet()) {
            List<Long> t = new ArrayList<>(e.getValue());
            all.addAll(t);
            print(e.getKey(), t);
        }
        print("ALL", all);
        System.out.printf("throughput: %.1f pages/s with %d concurrent users; errors: %d%n", all.size() / seconds, users, errors.size());
        errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        if (args.length > 5) {
            alone(sessions.get(0), pages, Long.parseLong(args[5]), args.length > 6 ? Integer.parseInt(args[6]) : 40);
        }
    }

    /** Each page kind asked {@code n} times by one user alone: its latency without queueing and the node's CPU per page. */
    private static void alone(Session session, List<String> pages, long pid, int n) throws Exception {
        System.out.printf("%none user alone, %d requests per page kind:%n%-75s %8s %8s %12s%n", n, "page", "p50 ms", "p90 ms", "CPU ms/page");
        long allTicks = 0;
        for (String page : pages) {
            List<Long> micros = new ArrayList<>();
            long before = cpuTicks(pid);
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                if (session.get(page) != 200) {
                    throw new IllegalStateException(page + " did not answer 200");
                }
                micros.add((System.nanoTime() - t0) / 1000);
            }
            long ticks = cpuTicks(pid) - before;
            allTicks += ticks;
            Collections.sort(micros);
            System.out.printf("%-75s %8.1f %8.1f %12.1f%n", page.length() > 75 ? page.substring(0, 75) : page, pct(micros, 50), pct(micros, 90),
                    ticks * 1000.0 / TICKS_PER_SECOND / n);
        }
        System.out.printf("%-75s %8s %8s %12.1f%n", "ALL", "", "", allTicks * 1000.0 / TICKS_PER_SECOND / (n * pages.size()));
    }

    /** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every usual kernel). */
    private static final int TICKS_PER_SECOND = 100;

    /** The process's user + system CPU time in clock ticks, fields 14 and 15 of /proc/<pid>/stat (after the command's ")"). */
    private static long cpuTicks(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static void print(String label, List<Long> micros) {
        Collections.sort(micros);
        System.out.printf("%-75s %7d %8.1f %8.1f %8.1f%n", label.length() > 75 ? label.substring(0, 75) : label, micros.size(),
                pct(micros, 50), pct(micros, 90), pct(micros, 99));
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /** One user's cookie session: logs in once, then GETs pages. */
    private static final class Session {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        private Session(String base) {
            this.base = base;
        }

        static Session login(String base, String user, String password) throws Exception {
            Session s = new Session(base);
            HttpResponse<String> form = s.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
            Matcher m = CSRF.matcher(form.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page (status " + form.statusCode() + ")");
            }
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> login = s.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
            if (login.statusCode() != 302) {
                throw new IllegalStateException("login refused: " + login.statusCode());
            }
            return s;
        }

        int get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET()).statusCode();
        }

        private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
            if (!cookies.isEmpty()) {
                builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String[] pair = header.split(";", 2)[0].split("=", 2);
                if (pair.length == 2) {
                    cookies.put(pair[0].trim(), pair[1].trim());
                }
            }
            return response;
        }
    }
}
