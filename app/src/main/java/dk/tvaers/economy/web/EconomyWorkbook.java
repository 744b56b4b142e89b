package dk.tvaers.economy.web;

import dk.tvaers.economy.ActualCost;
import dk.tvaers.economy.EconomySector;
import dk.tvaers.economy.KeyFigures;
import dk.tvaers.economy.Plan;
import dk.tvaers.economy.PlanLine;
import dk.tvaers.economy.Realised;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A business case as an Excel workbook for councils (POI SXSSF): key figures, lines with their assumptions, months,
 * shadow accounts, realised figures, actual costs and planned against actual costs per sector. No formulas; every amount a number (kroner with two decimals), never text.
 */
final class EconomyWorkbook {

    /** Message lookup: key and arguments to the reader's words. */
    interface Text {
        String get(String key, Object... args);
    }

    private EconomyWorkbook() {}

    static void write(EconomyView view, Text text, OutputStream out) throws IOException {
        KeyFigures figures = view.figures();
        Plan plan = view.version().plan();
        try (var workbook = new SXSSFWorkbook(100)) {
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

            Sheet key = workbook.createSheet(text.get("economy.excel.keyFigures"));
            int r = 0;
            r = textRow(key, r, text.get("economy.excel.initiative"), view.initiative().title());
            r = numberRow(key, r, text.get("economy.excel.version"), view.version().number(), null);
            r = textRow(key, r, text.get("economy.excel.status"), text.get(view.version().approved()
                    ? "economy.version.approved" : "economy.version.notApproved"));
            if (view.version().reconstructed()) {
                r = textRow(key, r, text.get("economy.excel.note"), text.get("economy.reconstructed"));
            }
            r = textRow(key, r, text.get("economy.field.startMonth"), plan.start().toString());
            r = numberRow(key, r, text.get("economy.field.horizonYears"), plan.horizonYears(), null);
            r = numberRow(key, r, text.get("economy.field.plannedCitizens"), plan.plannedCitizens(), null);
            r = numberRow(key, r, text.get("economy.excel.discountRatePercent"),
                    BigDecimal.valueOf(plan.discountRateBasisPoints(), 2).doubleValue(), null);
            r = textRow(key, r, text.get("economy.excel.discountSource"), text.get("economy.discount.source"));
            if (figures.breakEvenMonth() != null) {
                r = numberRow(key, r, text.get("economy.figures.breakEven"), figures.breakEvenMonth(), null);
            } else {
                r = textRow(key, r, text.get("economy.figures.breakEven"), text.get("economy.figures.noBreakEven"));
            }
            r = numberRow(key, r, text.get("economy.figures.npv"), kroner(figures.npvOre()), money);
            r = numberRow(key, r, text.get("economy.figures.steadyState", plan.horizonYears()),
                    kroner(figures.steadyStateYearNetOre()), money);
            r = numberRow(key, r, text.get("economy.figures.horizonNet"), kroner(figures.horizonNetOre()), money);
            if (figures.citizensToBreakEven() != null) {
                r = numberRow(key, r, text.get("economy.figures.citizensToBreakEven"), figures.citizensToBreakEven(),
                        null);
            }
            for (KeyFigures.Scenario s : figures.sensitivity()) {
                r = numberRow(key, r, text.get(s.key()) + " – " + text.get("economy.figures.npv"), kroner(s.npvOre()),
                        money);
                r = numberRow(key, r, text.get(s.key()) + " – " + text.get("economy.figures.steadyState",
                        plan.horizonYears()), kroner(s.steadyStateYearNetOre()), money);
            }

            Sheet lines = workbook.createSheet(text.get("economy.excel.lines"));
            header(lines, text, "economy.field.category", "economy.field.sector", "economy.field.effect",
                    "economy.field.title", "economy.field.start", "economy.field.basis", "economy.excel.amountKroner",
                    "economy.field.duration", "economy.field.assumption");
            int l = 1;
            for (PlanLine line : plan.lines()) {
                Row row = lines.createRow(l++);
                row.createCell(0).setCellValue(text.get(line.category().messageKey()));
                row.createCell(1).setCellValue(text.get(line.sector().messageKey()));
                row.createCell(2).setCellValue(text.get(line.effect().messageKey()));
                row.createCell(3).setCellValue(line.title());
                row.createCell(4).setCellValue(line.start().toString());
                row.createCell(5).setCellValue(text.get(line.basis().messageKey()));
                var amount = row.createCell(6);
                amount.setCellValue(kroner(line.amountOre()));
                amount.setCellStyle(money);
                if (line.durationMonths() != null) {
                    row.createCell(7).setCellValue(line.durationMonths());
                }
                row.createCell(8).setCellValue(line.assumption());
            }

            Sheet months = workbook.createSheet(text.get("economy.excel.months"));
            Row head = months.createRow(0);
            head.createCell(0).setCellValue(text.get("economy.table.month"));
            head.createCell(1).setCellValue(text.get("economy.table.calendarMonth"));
            List<EconomySector> sectors = figures.sectors();
            for (int i = 0; i < sectors.size(); i++) {
                head.createCell(2 + i).setCellValue(text.get("economy.excel.netOf", text.get(sectors.get(i).messageKey())));
            }
            head.createCell(2 + sectors.size()).setCellValue(text.get("economy.excel.netTotal"));
            head.createCell(3 + sectors.size()).setCellValue(text.get("economy.excel.cumulativeTotal"));
            head.createCell(4 + sectors.size()).setCellValue(text.get("economy.excel.realisedCumulative"));
            long[] cumulative = figures.cumulativeTotal();
            long[] realised = view.realisedCumulative();
            for (int m = 0; m < cumulative.length; m++) {
                Row row = months.createRow(m + 1);
                row.createCell(0).setCellValue(m + 1);
                row.createCell(1).setCellValue(plan.calendarMonth(m + 1).toString());
                for (int i = 0; i < sectors.size(); i++) {
                    moneyCell(row, 2 + i, figures.net().get(sectors.get(i))[m], money);
                }
                moneyCell(row, 2 + sectors.size(), figures.total()[m], money);
                moneyCell(row, 3 + sectors.size(), cumulative[m], money);
                if (realised != null && m < realised.length) {
                    moneyCell(row, 4 + sectors.size(), realised[m], money);
                }
            }

            Sheet accounts = workbook.createSheet(text.get("economy.excel.shadowAccounts"));
            header(accounts, text, "economy.shadow.sector", "economy.shadow.pays", "economy.shadow.gains",
                    "economy.shadow.net", "economy.shadow.steadyPays", "economy.shadow.steadyGains",
                    "economy.shadow.steadyNet");
            int a = 1;
            for (KeyFigures.ShadowAccount account : figures.shadowAccounts()) {
                Row row = accounts.createRow(a++);
                row.createCell(0).setCellValue(text.get(account.sector().messageKey()));
                moneyCell(row, 1, account.paysOre(), money);
                moneyCell(row, 2, account.gainsOre(), money);
                moneyCell(row, 3, account.netOre(), money);
                moneyCell(row, 4, account.steadyPaysOre(), money);
                moneyCell(row, 5, account.steadyGainsOre(), money);
                moneyCell(row, 6, account.steadyNetOre(), money);
            }

            Sheet real = workbook.createSheet(text.get("economy.excel.realised"));
            Realised realisedFigures = view.realised();
            int q = 0;
            q = numberRow(real, q, text.get("economy.realised.paidTotal"), kroner(realisedFigures.paidTotalOre()), money);
            for (Realised.PaidMonth paid : realisedFigures.paid()) {
                q = numberRow(real, q, text.get("economy.realised.paidIn", paid.month().toString()),
                        kroner(paid.ore()), money);
            }
            Realised.Measured measured = realisedFigures.measured();
            if (measured == null) {
                textRow(real, q, text.get("economy.realised.measured"), text.get("economy.realised.noRun"));
            } else {
                q = textRow(real, q, text.get("economy.realised.source"), text.get("economy.realised.sourceText",
                        measured.runId(), measured.dataVersion(), measured.definitionVersion()));
                if (measured.suppressed()) {
                    textRow(real, q, text.get("economy.realised.measured"), text.get("economy.realised.suppressed"));
                } else {
                    q = numberRow(real, q, text.get("economy.realised.citizens"), measured.targetCitizens(), null);
                    q = numberRow(real, q, text.get("economy.realised.regionYear"), kroner(measured.regionYearOre()),
                            money);
                    if (measured.perSector()) {
                        q = numberRow(real, q, text.get("economy.realised.municipalityYear"),
                                kroner(measured.municipalityYearOre()), money);
                        numberRow(real, q, text.get("economy.realised.practiceYear"),
                                kroner(measured.generalPracticeYearOre()), money);
                    } else {
                        q = numberRow(real, q, text.get("economy.realised.otherYear"),
                                kroner(measured.municipalityAndPracticeYearOre()), money);
                        textRow(real, q, text.get("economy.excel.note"),
                                text.get("economy.realised.togetherOnly", measured.runId()));
                    }
                }
            }
            Sheet actual = workbook.createSheet(text.get("economy.excel.actualCosts"));
            header(actual, text, "economy.table.calendarMonth", "economy.field.sector", "economy.excel.amountKroner",
                    "economy.actual.field.description", "economy.actual.entered", "economy.excel.enteredBy",
                    "economy.excel.corrected", "economy.excel.correctedBy");
            int c = 1;
            for (ActualCost cost : realisedFigures.actual()) {
                Row row = actual.createRow(c++);
                row.createCell(0).setCellValue(cost.month().toString());
                row.createCell(1).setCellValue(text.get(cost.sector().messageKey()));
                moneyCell(row, 2, cost.amountOre(), money);
                row.createCell(3).setCellValue(cost.description());
                row.createCell(4).setCellValue(view.time(cost.enteredAt()));
                row.createCell(5).setCellValue(cost.enteredByName());
                if (cost.correctedAt() != null) {
                    row.createCell(6).setCellValue(view.time(cost.correctedAt()));
                    row.createCell(7).setCellValue(cost.correctedByName());
                }
            }
            if (!realisedFigures.actual().isEmpty()) {
                Row total = actual.createRow(c);
                total.createCell(0).setCellValue(text.get("economy.chart.total"));
                moneyCell(total, 2, realisedFigures.actualTotalOre(), money);
            }

            Sheet compared = workbook.createSheet(text.get("economy.excel.actualVsPlan"));
            Row caption = compared.createRow(0);
            caption.createCell(0).setCellValue(text.get("economy.actual.compareCaption", plan.start().toString(),
                    view.today().toString()));
            Row compareHead = compared.createRow(1);
            String[] compareKeys = {"economy.shadow.sector", "economy.actual.planned", "economy.actual.actual",
                "economy.actual.difference"};
            for (int i = 0; i < compareKeys.length; i++) {
                compareHead.createCell(i).setCellValue(text.get(compareKeys[i]));
            }
            int k = 2;
            for (Realised.SectorCosts costs : view.costsBySector()) {
                Row row = compared.createRow(k++);
                row.createCell(0).setCellValue(text.get(costs.sector().messageKey()));
                moneyCell(row, 1, costs.plannedOre(), money);
                moneyCell(row, 2, costs.actualOre(), money);
                moneyCell(row, 3, costs.differenceOre(), money);
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static double kroner(long ore) {
        return BigDecimal.valueOf(ore, 2).doubleValue();
    }

    private static void moneyCell(Row row, int column, long ore, CellStyle money) {
        var cell = row.createCell(column);
        cell.setCellValue(kroner(ore));
        cell.setCellStyle(money);
    }

    private static void header(Sheet sheet, Text text, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(text.get(keys[i]));
        }
    }

    private static int textRow(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static int numberRow(Sheet sheet, int r, String label, double value, CellStyle style) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        var cell = row.createCell(1);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return r + 1;
    }
}
