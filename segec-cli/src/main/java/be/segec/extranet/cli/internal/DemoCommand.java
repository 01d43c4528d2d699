package be.segec.extranet.cli.internal;

import be.segec.extranet.cli.ExitCode;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegecServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segec demo}: the whole transfer in one command, on this machine only. Starts the fake
 * extranet in-process, grants consent for two sample schools in a temporary state directory,
 * transfers them, prints each report, then tells what the extranet now holds.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show a complete transfer of two sample schools to a fake extranet on this machine.",
                "Nothing leaves the computer; nothing is kept afterwards."})
public final class DemoCommand implements Callable<Integer> {

    /** The reference date of the demo: fixed, so that the story is the same every time. */
    public static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    /** Who ticks the consent box in the demo. */
    public static final String CONSENT_BY = "Démo";

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @ParentCommand
    RootCommand root;

    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr", description = "Language (default fr).")
    String lang;

    @Override
    public Integer call() throws IOException {
        Lang l = Lang.parse(lang);
        PrintWriter out = root.context().out();
        Clock clock = Clock.fixed(LocalDateTime.of(TODAY, LocalTime.of(8, 30)).atZone(BRUSSELS).toInstant(), BRUSSELS);
        Map<SampleSchool, String> tokens = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (SampleSchool s : SampleSchool.all()) {
            byte[] b = new byte[24];
            random.nextBytes(b);
            tokens.put(s, "demo-" + HexFormat.of().formatHex(b));
        }
        Path state = Files.createTempDirectory("segec-demo-");
        List<TransferReport> reports = new ArrayList<>();
        try {
            FakeSegecServer.Builder builder = FakeSegecServer.builder();
            tokens.forEach((s, t) -> builder.school(s.id(), t));
            try (FakeSegecServer server = builder.start()) {
                DemoStory story = new DemoStory(l, out);
                story.intro();
                int step = 1;
                for (SampleSchool school : SampleSchool.all()) {
                    List<StaffMember> staff = school.staff(l.locale());
                    String token = tokens.get(school);
                    HttpTransport transport = HttpTransport.builder()
                            .baseUri(server.baseUri())
                            .token(() -> token)
                            .userAgent("segec-demo", Versions.version())
                            .build();
                    SegecTransfer transfer = SegecTransfer.builder()
                            .transport(transport)
                            .stateDirectory(state)
                            .clock(clock)
                            .build();
                    TransferReport report = transfer.run(TransferRun.builder(school.id(), () -> staff)
                            .grantConsent(CONSENT_BY)
                            .referenceDate(TODAY)
                            .build());
                    reports.add(report);
                    story.transfer(step++, school, staff.size(), report);
                }
                story.extranet(step++, server.accounts(), server.outbox());
                story.lessons(step);
                out.flush();
            }
        } finally {
            deleteRecursively(state);
        }
        boolean ok = reports.stream().allMatch(r -> r.status() == TransferStatus.COMPLETED
                || r.status() == TransferStatus.COMPLETED_WITH_REJECTIONS);
        return ok ? ExitCode.COMPLETED.code() : ExitCode.FAILED.code();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the demo's temporary folder " + dir, e);
        }
    }
}
