package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.SchemaLoader;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.testing.DemoFixture;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuickSwitcherViewModelTest {
    final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    final ObservableList<String> recent = FXCollections.observableArrayList();
    final List<String> opened = new ArrayList<>();
    QuickSwitcherViewModel vm;

    @BeforeEach
    void setUp() {
        var schema = SchemaLoader.load(new SourceFile("schema.prisma", DemoFixture.demoSchemaText())).schema().orElseThrow();
        schema.models().forEach(m -> models.add(new ModelEntry(m)));
        vm = new QuickSwitcherViewModel(models, recent, opened::add);
    }

    private List<String> matches() { return vm.matches().stream().map(QuickSwitcherViewModel.Match::name).toList(); }

    @Test
    void rankingPrefersExactThenPrefixThenInitialsThenSubstringThenLetters() {
        vm.queryProperty().set("order");
        assertThat(matches()).containsExactly("Order", "OrderLine");
        vm.queryProperty().set("ol");
        assertThat(matches()).containsExactly("OrderLine");
        vm.queryProperty().set("ess");
        assertThat(matches()).containsExactly("Address");
        vm.queryProperty().set("cstmr");
        assertThat(matches()).containsExactly("Customer");
        vm.queryProperty().set("zz");
        assertThat(matches()).isEmpty();
        assertThat(vm.accept()).isFalse();
    }

    @Test
    void anEmptyQueryListsRecentlyOpenedModelsFirst() {
        recent.setAll("Review", "Product");
        vm.reset();
        assertThat(matches()).startsWith("Review", "Product", "Customer").hasSize(7);
    }

    @Test
    void arrowsMoveTheHighlightAndEnterOpensIt() {
        vm.queryProperty().set("o");
        assertThat(vm.selectedProperty().get()).isZero();
        vm.move(1);
        vm.move(1);
        String third = matches().get(2);
        assertThat(vm.accept()).isTrue();
        assertThat(opened).containsExactly(third);
        vm.move(-3);
        assertThat(vm.selectedProperty().get()).isEqualTo(2 - 3 + matches().size());
    }
}
