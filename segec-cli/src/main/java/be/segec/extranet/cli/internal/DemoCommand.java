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
 * transfers them, then a month later the first school transfers a teacher's married name and the
 * second school still sends her former one; prints each report, then tells what the extranet holds.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show a complete transfer of two sample schools to a fake extranet on this machine.",
                "Nothing leaves the computer; nothing is kept afterwards."})
public final class DemoCommand implements Callable<Integer> {

    /** The reference date of the demo: fixed, so that the story is the same every time. */
    public static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    /** The day of the story's marriage, a month later: Saint-Joseph's software has the married name. */
    public static final LocalDate LATER = LocalDate.of(2026, 11, 16);
    /** Marie-Claire D'Hondt's record in Saint-Joseph, the teacher shared with Sainte-Marie. */
    static final String MARRIED_LOCAL_ID = "103";
    /** Her married name, as Saint-Joseph's secretary types it. */
    static final String MARRIED_NAME = "LAMBERT";
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
                    TransferReport report = transfer(server, tokens.get(school), state, clock(TODAY))
                            .run(TransferRun.builder(school.id(), () -> staff)
                                    .grantConsent(CONSENT_BY)
                                    .referenceDate(TODAY)
                                    .build());
                    reports.add(report);
                    story.transfer(step++, school, staff.size(), report);
                }

                // the marriage: the same record (same local id) with her married name, in the first school only
                SampleSchool first = SampleSchool.SAINT_JOSEPH;
                List<StaffMember> married = first.staff(l.locale()).stream()
                        .map(m -> m.localId().equals(MARRIED_LOCAL_ID) ? m.toBuilder().lastName(MARRIED_NAME).build() : m)
                        .toList();
                TransferReport corrected = transfer(server, tokens.get(first), state, clock(LATER))
                        .run(TransferRun.builder(first.id(), () -> married).referenceDate(LATER).build());
                reports.add(corrected);
                story.marriage(step++, first, corrected);

                // the other school still sends her former name: a full run sends every record
                SampleSchool second = SampleSchool.SAINTE_MARIE;
                List<StaffMember> unchanged = second.staff(l.locale());
                TransferReport formerName = transfer(server, tokens.get(second), state, clock(LATER))
                        .run(TransferRun.builder(second.id(), () -> unchanged).referenceDate(LATER).full(true).build());
                reports.add(formerName);
                story.formerName(step++, second, unchanged.size(), formerName);

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

    private static Clock clock(LocalDate day) {
        return Clock.fixed(LocalDateTime.of(day, LocalTime.of(8, 30)).atZone(BRUSSELS).toInstant(), BRUSSELS);
    }

    private static SegecTransfer transfer(FakeSegecServer server, String token, Path state, Clock clock) {
        HttpTransport transport = HttpTransport.builder()
                .baseUri(server.baseUri())
                .token(() -> token)
                .userAgent("segec-demo", Versions.version())
                .build();
        return SegecTransfer.builder()
                .transport(transport)
                .stateDirectory(state)
                .clock(clock)
                .build();
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
