package tw.laborcloud.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The module boundaries of {@code style.md}, kept by rules instead of habit, over the main
 * classes of every module (this module has them all on its class path): services talk only
 * through events and HTTP, never through each other's classes; {@code events/} is the contract
 * and depends on nothing of ours; {@code platform/} is shared mechanics and knows no service; {@code seal/}, the
 * seal comparison, is domain code that depends on nothing of ours; {@code web/}, what the two sets of pages share,
 * knows only the contracts;
 * within a service, a controller uses the repositories of its own feature only.
 */
class ArchitectureRulesTests {

    /** The base package of each service (gateway and ops console included). */
    static final String[] SERVICES = { "gateway", "registration", "document", "review", "notification",
        "unionaffairs", "ops" };

    static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("tw.laborcloud");
        // the rules mean something only over every module's classes
        for (String module : java.util.stream.Stream.concat(java.util.Arrays.stream(SERVICES),
                java.util.stream.Stream.of("events", "platform", "seal")).toList()) {
            org.assertj.core.api.Assertions.assertThat(classes.stream()
                    .filter(c -> c.getPackageName().startsWith("tw.laborcloud." + module)).count())
                    .as("classes of %s imported", module).isGreaterThan(5);
        }
    }

    @Test
    void servicesNeverUseEachOthersClasses() {
        slices().matching("tw.laborcloud.(*)..").namingSlices("$1")
                .that(DescribedPredicate.describe("are services", slice -> isService(slice.getDescription())))
                .should().notDependOnEachOther()
                .because("services meet only through events (events/) and HTTP; a shared class belongs in platform/")
                .check(classes);
    }

    @Test
    void theEventContractsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("tw.laborcloud.events..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("events"))
                .because("events/ is the contract every service reads; it must not pull in anyone's code")
                .check(classes);
    }

    @Test
    void thePlatformKnowsNoService() {
        noClasses().that().resideInAPackage("tw.laborcloud.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackages())
                .because("platform/ holds the mechanics every service shares")
                .check(classes);
    }

    @Test
    void theSealComparisonIsDomainCodeThatDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("tw.laborcloud.seal..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("seal"))
                .because("seal/ is the comparison alone (JDK only), used by the document and review services")
                .check(classes);
    }

    @Test
    void theSharedWebModuleKnowsOnlyTheContracts() {
        noClasses().that().resideInAPackage("tw.laborcloud.web..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("web", "events"))
                .because("web/ is served by the gateway and review-service alike: it takes its labels from events/ only")
                .check(classes);
    }

    @Test
    void noServiceDependsOnTheLauncherOrTheTests() {
        noClasses().that().resideInAnyPackage(servicePackages())
                .should().dependOnClassesThat().resideInAnyPackage("tw.laborcloud.infra..", "tw.laborcloud.systemtests..",
                        "tw.laborcloud.benchmarks..", "tw.laborcloud.loadbench..")
                .check(classes);
    }

    @Test
    void controllersUseOnlyTheRepositoriesOfTheirOwnFeature() {
        noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should(new ArchCondition<JavaClass>("use a repository of another feature") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        controller.getDirectDependenciesFromSelf().stream()
                                .map(d -> d.getTargetClass())
                                .filter(target -> target.isAssignableTo("org.springframework.data.repository.Repository"))
                                .filter(repository -> !repository.getPackageName().equals(controller.getPackageName()))
                                .forEach(repository -> events.add(SimpleConditionEvent.satisfied(controller,
                                        controller.getName() + " uses " + repository.getName())));
                    }
                })
                .check(classes);
    }

    private static boolean isService(String base) {
        for (String service : SERVICES) {
            if (service.equals(base)) {
                return true;
            }
        }
        return false;
    }

    private static String[] servicePackages() {
        String[] packages = new String[SERVICES.length];
        for (int i = 0; i < SERVICES.length; i++) {
            packages[i] = "tw.laborcloud." + SERVICES[i] + "..";
        }
        return packages;
    }

    /** Our packages other than the ones named. */
    private static String[] ours(String... except) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(SERVICES),
                java.util.stream.Stream.of("platform", "seal", "web", "infra", "systemtests", "benchmarks", "loadbench", "events"))
                .filter(p -> !java.util.List.of(except).contains(p)).map(p -> "tw.laborcloud." + p + "..").toArray(String[]::new);
    }
}
