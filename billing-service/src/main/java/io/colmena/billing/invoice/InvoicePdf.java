package io.colmena.billing.invoice;

import io.colmena.billing.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * Renders an invoice as an A4 PDF with Apache PDFBox: seller (tenant), bill-to customer, number,
 * dates, status, one row per line (quantity, unit price, tax rate, net, tax, total), totals and notes.
 * Amounts are formatted from minor units by {@link Money#format}; long tables continue on new pages.
 * Text uses the standard Helvetica fonts (WinAnsi); characters outside that set print as {@code ?}.
 */
@Component
class InvoicePdf {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    byte[] render(Invoice invoice, String sellerName) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title(invoice));
            info.setCreator("Colmena billing-service");
            Writer writer = new Writer(document);
            writer.text(bold, 18, title(invoice));
            writer.gap();
            writer.text(bold, 10, "From");
            writer.text(regular, 10, sellerName);
            writer.gap();
            writer.text(bold, 10, "Bill to");
            writer.text(regular, 10, invoice.customerName());
            if (invoice.customerEmail() != null) {
                writer.text(regular, 10, invoice.customerEmail());
            }
            if (invoice.customerAddress() != null) {
                for (String line : invoice.customerAddress().split("\\R")) {
                    writer.text(regular, 10, line);
                }
            }
            writer.text(regular, 10, "Customer id: " + invoice.customerId());
            writer.gap();
            writer.text(regular, 10, "Status: " + invoice.status());
            if (invoice.issuedAt() != null) {
                writer.text(regular, 10, "Issued: " + DATE.format(invoice.issuedAt().atZone(ZoneOffset.UTC)));
            }
            writer.text(regular, 10, "Due: " + DATE.format(invoice.dueDate()));
            if (invoice.paidAt() != null) {
                writer.text(regular, 10, "Paid: " + DATE.format(invoice.paidAt().atZone(ZoneOffset.UTC)));
            }
            writer.gap();
            writer.row(bold, "Description", "Qty", "Unit price", "Tax", "Net", "Tax amount", "Total");
            for (InvoiceLine line : invoice.lines()) {
                writer.row(regular, line.description(), Long.toString(line.quantity()),
                        Money.format(line.unitPriceMinor(), invoice.currency()),
                        percent(line.taxRateBasisPoints()), Money.format(line.netMinor(), invoice.currency()),
                        Money.format(line.taxMinor(), invoice.currency()),
                        Money.format(line.totalMinor(), invoice.currency()));
            }
            writer.gap();
            writer.text(regular, 11, "Subtotal: " + Money.format(invoice.subtotalMinor(), invoice.currency()));
            writer.text(regular, 11, "Tax: " + Money.format(invoice.taxMinor(), invoice.currency()));
            writer.text(bold, 12, "Total: " + Money.format(invoice.totalMinor(), invoice.currency()));
            if (invoice.refundedMinor() > 0) {
                writer.text(regular, 11, "Refunded: " + Money.format(invoice.refundedMinor(), invoice.currency()));
            }
            if (invoice.notes() != null && !invoice.notes().isBlank()) {
                writer.gap();
                for (String line : wrap(invoice.notes(), 95)) {
                    writer.text(regular, 9, line);
                }
            }
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering invoice " + invoice.id() + " failed", e);
        }
    }

    private static String title(Invoice invoice) {
        return invoice.number() != null ? "Invoice " + invoice.number() : "Draft invoice";
    }

    private static String percent(int basisPoints) {
        return String.format(Locale.ROOT, "%d.%02d%%", basisPoints / 100, basisPoints % 100);
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (current.length() + word.length() + 1 > width && !current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.isEmpty() ? "" : " ").append(word);
            }
            lines.add(current.toString());
        }
        return lines;
    }

    /** Writes lines top to bottom, opening a new page when the current one is full. */
    private final class Writer {

        private static final float[] COLUMNS = {0, 200, 235, 300, 345, 400, 455};

        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void text(PDType1Font font, float size, String text) throws IOException {
            ensureRoom();
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(printable(font, text));
            stream.endText();
            y -= size + 4;
        }

        void row(PDType1Font font, String... cells) throws IOException {
            ensureRoom();
            for (int i = 0; i < cells.length; i++) {
                String cell = i == 0 && cells[i].length() > 38 ? cells[i].substring(0, 37) + "…" : cells[i];
                stream.beginText();
                stream.setFont(font, 8);
                stream.newLineAtOffset(MARGIN + COLUMNS[i], y);
                stream.showText(printable(font, cell));
                stream.endText();
            }
            y -= LINE;
        }

        void gap() {
            y -= LINE / 2;
        }

        void close() throws IOException {
            stream.close();
        }

        private void ensureRoom() throws IOException {
            if (y < MARGIN + LINE) {
                stream.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        private String printable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
