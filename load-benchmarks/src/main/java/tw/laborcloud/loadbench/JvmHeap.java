package tw.laborcloud.loadbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * The heap in use of one of the stack's JVMs, read through the JDK's attach API and its local
 * JMX agent: the gateway, rightly, answers no metrics on its public port.
 */
final class JvmHeap implements AutoCloseable {

    private final JMXConnector connector;
    private final MemoryMXBean memory;

    private JvmHeap(JMXConnector connector, MemoryMXBean memory) {
        this.connector = connector;
        this.memory = memory;
    }

    static JvmHeap attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new JvmHeap(connector, ManagementFactory.newPlatformMXBeanProxy(
                    connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IllegalStateException("cannot attach to JVM " + pid, e);
        }
    }

    long usedMegabytes() {
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException ignored) {
            // the JVM is gone
        }
    }
}
