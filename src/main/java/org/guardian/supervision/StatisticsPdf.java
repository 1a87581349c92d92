package org.guardian.supervision;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.guardian.supervision.StatisticsExport.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Renders a statistics {@link Table} as a PDF (OpenPDF, A4 landscape) with a Chinese font embedded
 * (subset). PDF viewers have no Chinese font of their own to rely on, so the font is found on the
 * server at the first request: the files listed in {@code guardian.supervision.pdf-fonts} are
 * tried in order (default: Debian's Noto Sans/Serif CJK from {@code fonts-noto-cjk}, then WenQuanYi
 * and AR PL); in a font collection (.ttc) the Simplified Chinese face is chosen by its name. When
 * none is installed the PDF download answers 503 with a Chinese message pointing to the .xlsx and
 * .csv downloads (which need no font) — never a PDF with missing characters.
 */
@Component
class StatisticsPdf {

  private static final Logger log = LoggerFactory.getLogger(StatisticsPdf.class);

  private final List<String> candidates;
  private volatile Optional<String> font;

  StatisticsPdf(@Value("${guardian.supervision.pdf-fonts:"
      + "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,"
      + "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,"
      + "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,"
      + "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,"
      + "/usr/share/fonts/truetype/arphic/uming.ttc}") List<String> candidates) {
    this.candidates = candidates;
  }

  /** The font OpenPDF will embed ({@code file.ttc,index} for a collection), if one is installed. */
  Optional<String> font() {
    Optional<String> f = font;
    if (f == null) {
      f = find(candidates);
      font = f;
      log.info("PDF font for the statistics: {}", f.orElse("none installed"));
    }
    return f;
  }

  static Optional<String> find(List<String> candidates) {
    for (String candidate : candidates) {
      Path path = Path.of(candidate.trim());
      if (!Files.isReadable(path)) {
        continue;
      }
      String name = path.toString();
      if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
        return Optional.of(name);
      }
      try {
        String[] faces = BaseFont.enumerateTTCNames(name);
        int chosen = 0;
        for (int i = 0; i < faces.length; i++) {
          // e.g. NotoSansCJKsc-Regular, "Noto Sans CJK SC", WenQuanYi's GB faces
          String face = faces[i].toLowerCase(java.util.Locale.ROOT);
          if (face.contains("cjksc") || face.contains(" sc") || face.contains("gb")
              || face.contains("simplified") || face.contains("hans")) {
            chosen = i;
            break;
          }
        }
        return Optional.of(name + "," + chosen);
      } catch (DocumentException | IOException e) {
        log.warn("font collection {} not readable: {}", name, e.getClass().getSimpleName());
      }
    }
    return Optional.empty();
  }

  byte[] render(Table table) {
    String fontFile = font().orElseThrow(() -> new ResponseStatusException(
        HttpStatus.SERVICE_UNAVAILABLE, "服务器未安装中文字体，暂无法生成PDF；请下载Excel（.xlsx）或CSV版本，"
            + "或请管理员安装 fonts-noto-cjk"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 24, 24, 28, 28);
    try {
      BaseFont base = BaseFont.createFont(fontFile, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      Font title = new Font(base, 15, Font.BOLD);
      Font text = new Font(base, 9);
      Font cell = new Font(base, 7.5f);
      Font head = new Font(base, 7.5f, Font.BOLD);
      PdfWriter.getInstance(document, out);
      document.addTitle(table.title());
      document.addCreator("Guardian");
      document.open();
      Paragraph heading = new Paragraph(table.title(), title);
      heading.setAlignment(Element.ALIGN_CENTER);
      document.add(heading);
      Paragraph period = new Paragraph("统计周期：" + table.period(), text);
      period.setAlignment(Element.ALIGN_CENTER);
      period.setSpacingAfter(8);
      document.add(period);
      PdfPTable grid = new PdfPTable(table.headers().size());
      grid.setWidthPercentage(100);
      float[] widths = new float[table.headers().size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = i == 0 ? 2.4f : i == 1 ? 3.2f : 1.4f;
      }
      grid.setWidths(widths);
      grid.setHeaderRows(1);
      for (String h : table.headers()) {
        PdfPCell c = new PdfPCell(new Phrase(h, head));
        c.setBackgroundColor(new Color(0xDD, 0xEB, 0xF7));
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        grid.addCell(c);
      }
      for (List<Object> row : table.rows()) {
        for (int i = 0; i < row.size(); i++) {
          PdfPCell c = new PdfPCell(new Phrase(StatisticsExport.text(row.get(i)), cell));
          c.setHorizontalAlignment(i < 2 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
          grid.addCell(c);
        }
      }
      document.add(grid);
      for (String note : table.notes()) {
        Paragraph p = new Paragraph(note, text);
        p.setSpacingBefore(3);
        document.add(p);
      }
      document.close();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("PDF of the statistics failed", e);
    }
    return out.toByteArray();
  }
}
