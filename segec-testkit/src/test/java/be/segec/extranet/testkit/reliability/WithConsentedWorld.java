package be.segec.extranet.testkit.reliability;

import be.segec.extranet.core.StaffMember;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh consented {@link World} (fake extranet, state directory) and the sample school, per test. */
abstract class WithConsentedWorld {

    @TempDir
    Path tmp;
    World world;
    final List<StaffMember> staff = Staff.school();

    @BeforeEach
    void start() {
        world = new World(tmp).consented();
    }

    @AfterEach
    void stop() {
        world.close();
    }
}
