package dev.sparkeval.testkit;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects the log events at WARN and above that reach the console while it is open (Spark's own logs included). */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
  private final List<String> events = new ArrayList<>();

  public LogCapture() {
    super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().addAppender(this, Level.WARN, null);
    ctx.updateLoggers();
  }

  @Override public synchronized void append(LogEvent e) {
    events.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getMessage().getFormattedMessage()
        + (e.getThrown() == null ? "" : " [" + e.getThrown() + "]"));
  }

  public synchronized List<String> events() {
    return new ArrayList<>(events);
  }

  @Override public void close() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().removeAppender(getName());
    ctx.updateLoggers();
    stop();
  }
}
