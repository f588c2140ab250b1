package tw.laborcloud.systemtests;

import java.lang.reflect.Method;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A test class that also drives Chromium, one browser per class. A failed test's message tells what
 * its pages were still waiting for and what went wrong in them, and when a request hung, where it is: the
 * gateway's sockets and request threads ({@link GatewayState}; CI shows only the messages). After each test its
 * pages are closed.
 */
abstract class BrowserTests extends StackTests {

    static Browser browser;

    @RegisterExtension
    static final InvocationInterceptor whatThePagesSaw = new InvocationInterceptor() {
        @Override
        public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                ExtensionContext context) throws Throwable {
            try {
                invocation.proceed();
            } catch (Throwable failure) {
                String pages = browser == null ? "" : browser.whatWentOn();
                if (pages.isEmpty()) {
                    throw failure;
                }
                String gateway = pages.contains("still waiting") ? "\n" + GatewayState.describe(stack) : "";
                throw new AssertionError(failure + "\nin the browser:\n" + pages + gateway, failure);
            }
        }
    };

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closePages() {
        browser.closeContexts();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
