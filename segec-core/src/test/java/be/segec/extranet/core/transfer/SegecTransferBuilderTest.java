package be.segec.extranet.core.transfer;

import be.segec.extranet.core.store.file.FileTransferJournal;
import be.segec.extranet.core.store.memory.InMemoryTransferJournal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.store.file.FileConsentStore;
import be.segec.extranet.core.store.memory.InMemoryConsentStore;
import be.segec.extranet.core.consent.TransferDisclosure;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder says what is missing, and a state directory gives file stores. */
class SegecTransferBuilderTest {

    @TempDir
    Path dir;

    @Test
    void aTransportAndStoresAreRequired() {
        assertThatThrownBy(() -> SegecTransfer.builder().stateDirectory(dir).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transport");
        assertThatThrownBy(() -> SegecTransfer.builder().transport(new FakeExtranet()).consentStore(new InMemoryConsentStore()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("state directory");
        assertThatThrownBy(() -> SegecTransfer.builder().lockWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStateDirectoryIsCreatedAndHoldsFileStoresUnlessOverridden() {
        Path state = dir.resolve("segec/state");
        SegecTransfer transfer = SegecTransfer.builder().transport(new FakeExtranet()).stateDirectory(state).build();
        assertThat(state).isDirectory();
        assertThat(transfer.consentStore()).isInstanceOf(FileConsentStore.class);
        assertThat(transfer.journal()).isInstanceOf(FileTransferJournal.class);
        assertThat(transfer.disclosure()).isSameAs(TransferDisclosure.current());

        InMemoryTransferJournal journal = new InMemoryTransferJournal();
        assertThat(SegecTransfer.builder().transport(new FakeExtranet()).stateDirectory(state).journal(journal).build().journal())
                .isSameAs(journal);
    }
}
