package org.fiscalscope.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every refusal and failure a user can see, once: a stable code (the constant's name, e.g. {@code PDF_NO_TEXT_LAYER}),
 * what is wrong in English and Chinese, and the fix. Templates name their arguments in braces ({@code {field}}); the
 * fix follows the problem after "; " (Chinese "；"), or stands where the problem says {@code {fix}}. A sentence names
 * the file, the field or the setting, and what to do; a reject of bronze.rejects, a failed run of ops.runs and the
 * command line carry its code. docs/errors.md lists them all (kept equal to this file by ProblemCatalogueTest).
 *
 * <p>To add one: a constant here, in its group, with both languages and a fix; then {@code Problem.X.with(args)} where
 * an input is refused ({@link Refusal}), or {@code throw Problem.X.failure(args)} where a command stops.
 */
public enum Problem {

  // ---- A landing file refused before or while it is read (ingest) ----

  FILE_EMPTY("the file is empty", "send the unit's final-account document again",
      "文件为空", "请重新发送该单位的决算文件"),
  FILE_TYPE_UNSUPPORTED("files of this type are not read",
      "send a canonical JSON document (.json) or the disclosure as text (.txt, .html) or PDF",
      "不读取此类型的文件", "请发送标准 JSON 文档（.json），或文本（.txt、.html）或 PDF 格式的公开文件"),
  FILE_DATASET_ALONE("is a tabular dataset file, whose rows are read with the other dataset files of its batch (ingest),"
      + " not as a document on its own", "ingest the landing folder that holds it",
      "是表格数据集文件，其各行与同批其他数据集文件一起读取（ingest），不能单独作为文档读取", "请对包含它的接收目录运行 ingest"),
  FILE_LINK_OUTSIDE("is a link to a file outside the landing folder, which is not read",
      "copy the file itself into the landing folder",
      "是指向接收目录之外文件的链接，不予读取", "请把文件本身复制到接收目录"),
  FILE_FOLDER_LINK_OUTSIDE("is a link to a folder outside the landing folder, which is not followed",
      "copy the folder itself into the landing folder (a link to a folder inside it is followed)",
      "是指向接收目录之外文件夹的链接，不予跟随", "请把文件夹本身复制到接收目录（指向目录内文件夹的链接会被跟随）"),
  FILE_FOLDER_LINK_LOOP("is a link to a folder that contains it, which is not followed (it would loop)", "remove the link",
      "是指向包含它自身的文件夹的链接，不予跟随（会形成循环）", "请删除该链接"),
  FILE_DANGLING_LINK("is a link to a file that does not exist", "put the file itself in the landing folder",
      "是指向不存在文件的链接", "请把文件本身放入接收目录"),
  FILE_VANISHED("was removed or moved away while the run was reading the landing folder, so it was not read",
      "it is read on the next run if it is back",
      "在运行读取接收目录期间被删除或移走，未被读取", "文件放回后，下次运行会读取"),
  FILE_NOT_REGULAR("is not a regular file (a pipe, device or socket) and is not read",
      "put the document itself in the landing folder",
      "不是普通文件（管道、设备或套接字），不予读取", "请把文档本身放入接收目录"),
  FILE_FOLDER_UNREADABLE("is a folder that cannot be listed (permission denied), so the files in it were not read",
      "make it readable for the user running fiscalscope and they are read on the next run",
      "是无法列出的文件夹（权限不足），其中的文件未被读取", "请让运行 fiscalscope 的用户可读，下次运行会读取"),
  FILE_UNREADABLE("cannot be read (permission denied)",
      "make it readable for the user running fiscalscope and it is read on the next run",
      "无法读取（权限不足）", "请让运行 fiscalscope 的用户可读，下次运行会读取"),
  FILE_TOO_LARGE("is {size}, larger than the limit of {limit} (ingest.max-file-mb), and was not read",
      "split the file or raise the limit, and it is read on the next run",
      "大小为 {size}，超过上限 {limit}（ingest.max-file-mb），未被读取", "请拆分文件或提高上限，下次运行会读取"),
  FILE_GREW("grew beyond the limit of {limit} (ingest.max-file-mb) while it was read",
      "it is read again on the next run, once it is complete",
      "读取期间增大并超过上限 {limit}（ingest.max-file-mb）", "文件写完整后，下次运行会重新读取"),
  FILE_READ_ERROR("could not be read ({why})",
      "check that the file is complete and readable — it is read again on the next run",
      "无法读取（{why}）", "请检查文件是否完整、可读——下次运行会重新读取"),
  FILE_DUPLICATE("has the same content as {original}, which is read instead", "remove one of the two files",
      "与 {original} 内容相同，已改为读取后者", "请删除两个文件之一"),
  FILE_SUPERSEDED("another file of this batch, {taken}, also holds the {year} accounts of {unit} with different figures"
      + " and is newer, so it was taken and this one was not", "send one file per unit and year",
      "本批中的另一个文件 {taken} 也包含 {unit} {year} 年度决算，数字不同且更新，因此采用了该文件而未采用本文件",
      "请每个单位每年只发送一个文件"),

  // ---- A JSON document that cannot be parsed ----

  JSON_NOT_UTF8("is not UTF-8 text (binary or another encoding)", "JSON documents must be saved as UTF-8",
      "不是 UTF-8 文本（二进制或其他编码）", "JSON 文档须以 UTF-8 保存"),
  JSON_INVALID("is not valid JSON: {detail}{place}", "correct it there and send the file again",
      "不是有效的 JSON：{detail}{place}", "请在该处更正后重新发送"),
  JSON_SEVERAL_VALUES("has more than one JSON value", "a file holds exactly one document",
      "包含多个 JSON 值", "一个文件只能包含一份文档"),
  JSON_NOT_OBJECT("is not a JSON object", "a canonical document starts with '{'",
      "不是 JSON 对象", "标准文档以 '{' 开头"),
  JSON_UNREADABLE("could not be read: {why}", "send the file again",
      "无法读取：{why}", "请重新发送该文件"),
  JSON_DOES_NOT_FIT("does not fit the canonical document: {why}",
      "correct the file (see schemas/final-account.schema.json)",
      "不符合标准文档结构：{why}", "请更正文件（参见 schemas/final-account.schema.json）"),

  // ---- A document (from any input) whose figures break the rules of the canonical document ----

  REJECT_MISSING_FIELD("required {field} is missing", "add it",
      "缺少必填{field}", "请补上"),
  REJECT_WRONG_TYPE("{field} is {value} but must be {type}", "correct its type",
      "{field}为 {value}，但必须是 {type}", "请更正其类型"),
  REJECT_NEGATIVE_AMOUNT("{field} is {value} but must be at least {minimum}", "correct the figure",
      "{field}为 {value}，不得小于 {minimum}", "请更正该数字"),
  REJECT_BELOW_MINIMUM("{field} is {value} but must be at least {minimum}", "correct the figure",
      "{field}为 {value}，不得小于 {minimum}", "请更正该数字"),
  REJECT_ABOVE_MAXIMUM("{field} is {value} but must be at most {maximum}", "check the figure and its unit",
      "{field}为 {value}，不得大于 {maximum}", "请核对该数字及其单位"),
  REJECT_FUTURE_YEAR("{field} is {year}, a year whose accounts cannot be closed yet (latest possible: {latest})",
      "correct the fiscal year",
      "{field}为 {year}，该年度决算尚不可能编成（最晚为 {latest}）", "请更正年度"),
  REJECT_NOT_ALLOWED("{field} is {value} but must be one of {allowed}", "use one of them",
      "{field}为 {value}，但必须是 {allowed} 之一", "请改用其中之一"),
  REJECT_SCHEMA_VERSION("{field} is {value} but the only version is 1 (\"1.0\")", "write 1 or leave it out",
      "{field}为 {value}，但唯一的版本是 1（\"1.0\"）", "请写 1 或省略"),
  REJECT_BLANK_FIELD("{field} is blank", "fill it in",
      "{field}为空白", "请填写"),
  REJECT_EMPTY_FIELD("{field} is empty", "fill it in",
      "{field}为空", "请填写"),
  REJECT_BAD_FORM("{field} is {value} but does not have the expected form {pattern}", "correct it",
      "{field}为 {value}，不符合格式 {pattern}", "请更正"),
  REJECT_INVALID_FIELD("{field}: {detail}", "correct it (see schemas/final-account.schema.json)",
      "{field}：{detail}", "请更正（参见 schemas/final-account.schema.json）"),
  REJECT_UNCODED("was refused before reasons had codes; its reason says what is wrong",
      "correct the file as its reason says and send it again",
      "在原因代码启用之前被拒绝；问题见其 reason 列", "请按 reason 列所述更正文件后重新发送"),
  REJECT_UNKNOWN_FIELD("unknown {field} is not a key of the canonical document",
      "remove it or correct its spelling (see schemas/final-account.schema.json)",
      "未知的{field}不是标准文档的键", "请删除或更正拼写（参见 schemas/final-account.schema.json）"),

  // ---- A published disclosure (text, HTML or PDF) the extractor cannot read ----

  TEXT_NOT_DECODABLE("is not text in UTF-8 or GB18030/GBK", "save the disclosure as a .txt or .html text file",
      "不是 UTF-8 或 GB18030/GBK 编码的文本", "请把公开文件另存为 .txt 或 .html 文本文件"),
  DISCLOSURE_UNIDENTIFIED("is not a readable final-account disclosure: it is missing {missing}",
      "check that it is the 部门决算 text and not another document",
      "不是可读的决算公开文件：缺少{missing}", "请确认这是部门决算文本而不是其他文件"),
  DISCLOSURE_UNREADABLE("the disclosure {kind} could not be read ({exception})",
      "check that it is a final-account disclosure and report the file if it is",
      "无法读取该公开文件的{kind}（{exception}）", "请确认它是决算公开文件；如果是，请报告该文件"),
  PDF_NOT_A_PDF("is not a PDF (it does not start with %PDF-)",
      "send the disclosure as a PDF, or rename the file to its real type",
      "不是 PDF（不以 %PDF- 开头）", "请以 PDF 发送公开文件，或按其真实类型重命名"),
  PDF_TRUNCATED("is truncated (a PDF ends with %%EOF, this one stops after {bytes} bytes)", "send the whole file again",
      "不完整（PDF 以 %%EOF 结尾，此文件在 {bytes} 字节处中断）", "请重新发送完整文件"),
  PDF_DAMAGED("is a damaged PDF ({why})", "export it again from the original document and send it once more",
      "是损坏的 PDF（{why}）", "请从原始文档重新导出后再次发送"),
  PDF_PASSWORD("is protected with a password, which cannot be opened here",
      "send the PDF without a password (or the disclosure text)",
      "受密码保护，无法在此打开", "请发送无密码的 PDF（或公开文本）"),
  PDF_TOO_MANY_PAGES("has {pages} pages, more than the {max} read from one file",
      "send the unit's final-account disclosure on its own",
      "共 {pages} 页，超过单个文件可读取的 {max} 页", "请单独发送该单位的决算公开文件"),
  PDF_TOO_MUCH_MEMORY("needs more than {mb} MB of memory to read",
      "send the disclosure without embedded scans or attachments (or as text)",
      "读取需要超过 {mb} MB 内存", "请发送不含嵌入扫描件或附件的公开文件（或文本）"),
  PDF_PAGE_UNREADABLE("page {page} cannot be read ({why})",
      "export the PDF again from the original document and send it once more",
      "第 {page} 页无法读取（{why}）", "请从原始文档重新导出 PDF 后再次发送"),
  PDF_NO_TEXT_LAYER("has no text layer (a scan?): its {pages} only images — {fix}",
      "send the PDF with text, or the tables as a workbook",
      "没有文字层（扫描件？）：{pages}只有图像——{fix}", "请发送带文字的 PDF，或以工作簿发送报表"),
  PDF_NO_TEXT_OR_IMAGES("has no text layer: its {pages} neither text nor images (text drawn as outlines?) — {fix}",
      "send the PDF with text, or the tables as a workbook",
      "没有文字层：{pages}既无文字也无图像（文字被画成轮廓？）——{fix}", "请发送带文字的 PDF，或以工作簿发送报表"),
  PDF_TOO_DEEP("nests arrays or dictionaries more than {max} levels deep {where}, which no disclosure does and the PDF"
      + " reader here does not follow", "export the PDF again from the original document",
      "数组或字典嵌套超过 {max} 层（{where}），正常公开文件不会如此，此处的 PDF 读取器不予跟随", "请从原始文档重新导出 PDF"),
  PDF_COMPRESSION_BOMB("inflates to more than {max} MB of page content, fonts and objects (object {object}: {compressed}"
      + " compressed, at least {inflated} inflated) — a compression bomb, not a disclosure; {fix}",
      "export the PDF again from the original document",
      "页面内容、字体和对象解压后超过 {max} MB（对象 {object}：压缩 {compressed}，解压至少 {inflated}）——这是压缩炸弹，"
          + "不是公开文件；{fix}", "请从原始文档重新导出 PDF"),

  // ---- Standard tables (公开01–09表) in a workbook or CSV export ----

  TABLES_UNREADABLE("the tables could not be read ({exception})",
      "check that it holds the standard final-account tables and report the file if it does",
      "无法读取报表（{exception}）", "请确认其中是决算标准报表；如果是，请报告该文件"),
  TABLES_FILE_EMPTY("is empty", "send the unit's standard tables again",
      "为空", "请重新发送该单位的标准报表"),
  TABLES_NOT_A_WORKBOOK("is not a readable Excel workbook ({why})",
      "open it in Excel or WPS, save it as .xlsx and send it again",
      "不是可读的 Excel 工作簿（{why}）", "请用 Excel 或 WPS 打开，另存为 .xlsx 后重新发送"),
  TABLES_PASSWORD("is password-protected", "save the workbook without a password and send it again",
      "受密码保护", "请去掉密码保存工作簿后重新发送"),
  TABLES_TOO_MANY_SHEETS("has {sheets} sheets, more than the {max} a set of standard tables needs",
      "send only the final-account tables",
      "有 {sheets} 个工作表，超过一套标准报表所需的 {max} 个", "请只发送决算报表"),
  TABLES_SHEET_TOO_LONG("sheet '{sheet}' has {rows} rows, more than the {max} the standard tables can have",
      "send only the final-account tables",
      "工作表“{sheet}”有 {rows} 行，超过标准报表可能的 {max} 行", "请只发送决算报表"),
  TABLES_CSV_NOT_TEXT("is neither UTF-8 nor GBK text, so it is not a CSV export", "export the table again as CSV",
      "既不是 UTF-8 也不是 GBK 文本，不是 CSV 导出文件", "请重新将报表导出为 CSV"),
  TABLES_CSV_TOO_LONG("has more than {max} rows, more than a standard table can have", "send one table per CSV file",
      "超过 {max} 行，超出一张标准报表可能的行数", "请每个 CSV 文件只放一张报表"),
  TABLES_CSV_MALFORMED("is not well-formed CSV ({why})", "export the table again as CSV",
      "不是格式正确的 CSV（{why}）", "请重新将报表导出为 CSV"),
  TABLES_NONE_FOUND("holds no standard final-account table: {why}",
      "send the unit's standard tables (公开01–09表) with their titles",
      "不含任何决算标准报表：{why}", "请发送带标题的该单位标准报表（公开01–09表）"),
  TABLES_NO_UNIT("{table} names no unit", "add the line 编制单位：<unit name> under the title of each table",
      "{table}未写明单位", "请在每张报表标题下加上“编制单位：<单位名称>”一行"),
  TABLES_NO_YEAR("{table} has no fiscal year in its title", "put the year in the title, e.g. 2023年度{title}",
      "{table}的标题中没有年度", "请在标题中写明年度，例如 2023年度{title}"),
  TABLES_TWO_UNITS("{table} is of {unit} but {other} is of {otherUnit}", "send each unit's tables in a file of its own",
      "{table}属于{unit}，但{other}属于{otherUnit}", "请每个单位的报表单独成一个文件"),
  TABLES_TWO_YEARS("{table} is for {year} but {other} is for {otherYear}", "send each year's tables in a file of its own",
      "{table}是 {year} 年度的，但{other}是 {otherYear} 年度的", "请每个年度的报表单独成一个文件"),
  TABLES_NO_AMOUNT_UNIT("{table} states no amount unit, so its figures could be 元 or 万元",
      "add the line 金额单位：万元 (or 元) under the title",
      "{table}未写明金额单位，其数字可能是元也可能是万元", "请在标题下加上“金额单位：万元”（或元）一行"),

  // ---- A tabular dataset file (CSV or Parquet named after its table) refused whole ----

  DATASET_NOT_TEXT("is neither UTF-8 nor GBK text", "save the CSV as UTF-8 (or GBK) and send it again",
      "既不是 UTF-8 也不是 GBK 文本", "请将 CSV 另存为 UTF-8（或 GBK）后重新发送"),
  DATASET_NO_HEADER("has no header row", "its first row must name the columns (see {schema})",
      "没有表头行", "第一行必须写明各列名称（参见 {schema}）"),
  DATASET_UNNAMED_COLUMN("has no name for column {column} of its header row", "name it or remove the column",
      "表头行第 {column} 列没有名称", "请命名或删除该列"),
  DATASET_BAD_HEADER("has a header row that {problems}",
      "use the column names of {schema} (a header row is required; columns not marked NOT NULL may be left out)",
      "的表头行{problems}", "请使用 {schema} 中的列名（必须有表头行；未标 NOT NULL 的列可以省略）"),
  DATASET_NO_ROWS("has a header row but no data rows", "send the file with its rows",
      "有表头行但没有数据行", "请发送含数据行的文件"),
  DATASET_CSV_MALFORMED("could not be read as CSV after row {row} ({why})", "check the quotes of that row",
      "第 {row} 行之后无法按 CSV 读取（{why}）", "请检查该行的引号"),
  DATASET_UNNAMED_FILE("does not say in its name which table it holds",
      "name it after its table, e.g. 2023.unit_year.parquet, 2023.function_line.parquet, 2023.project.parquet or"
          + " 2023.indicator.parquet",
      "文件名未表明其所含的表",
      "请按表名命名，例如 2023.unit_year.parquet、2023.function_line.parquet、2023.project.parquet 或 2023.indicator.parquet"),
  DATASET_PARQUET_UNREADABLE("is not a readable Parquet file ({why})", "export it again",
      "不是可读的 Parquet 文件（{why}）", "请重新导出"),
  DATASET_NESTED_COLUMN("has the nested column {column}", "{table} files hold flat columns of text and numbers (see {schema})",
      "含有嵌套列 {column}", "{table} 文件只能包含文本和数字的平面列（参见 {schema}）"),
  DATASET_BAD_COLUMNS("has columns that do not fit: it {problems}",
      "use the column names of {schema} (a header row is required; columns not marked NOT NULL may be left out)",
      "的列不符合要求：{problems}", "请使用 {schema} 中的列名（必须有表头行；未标 NOT NULL 的列可以省略）"),
  DATASET_PARQUET_EMPTY("holds no rows", "send the file with its rows",
      "没有数据行", "请发送含数据行的文件"),
  DATASET_ROWS_SUPERSEDED("its {table} rows for the {year} accounts of {unit} are also in {taken}, a newer file of this"
      + " batch, so those were taken and these were not", "send each unit-year's rows of a table in one file",
      "其中 {unit} {year} 年度决算的 {table} 行也在本批更新的文件 {taken} 中，因此采用了后者而未采用本文件的这些行",
      "请把同一单位同一年度同一张表的行放在一个文件中"),

  // ---- One row of a tabular dataset file refused alone (the other rows proceed) ----

  ROW_UNNAMED_CELL("has the value '{value}' in column {column}, which has no name in the header",
      "name the column or clear the cell",
      "第 {column} 列有值“{value}”，但该列在表头中没有名称", "请为该列命名或清空该单元格"),
  ROW_EMPTY_REQUIRED("{column} is empty", "fill it in",
      "{column} 为空", "请填写"),
  ROW_BAD_CODE("code '{code}' is not a functional classification code (3, 5 or 7 digits)", "correct it",
      "code“{code}”不是支出功能分类科目编码（3、5 或 7 位数字）", "请更正"),
  ROW_NOT_A_NUMBER("{column} '{value}' is not a number", "correct the figure",
      "{column}“{value}”不是数字", "请更正该数字"),
  ROW_NOT_WHOLE_NUMBER("{column} '{value}' is not a whole number", "correct it",
      "{column}“{value}”不是整数", "请更正"),
  ROW_NO_UNIT_YEAR("{unit} has no unit_year row for {year} in this batch nor in the lake",
      "send the unit's unit_year row for that year with these rows (or correct it, if it was refused)",
      "{unit} 在本批和数据湖中都没有 {year} 年度的 unit_year 行", "请与这些行一起发送该单位该年度的 unit_year 行（若其被拒绝，请更正）"),
  ROW_NO_PROJECT("the project {project} of {unit} {year} has no project row in this batch nor in the lake",
      "correct the project name or send the project's row (or correct it, if it was refused)",
      "{unit} {year} 年度的项目“{project}”在本批和数据湖中都没有 project 行", "请更正项目名称或发送该项目的行（若其被拒绝，请更正）"),
  ROW_REPEATED("repeats {first} ({what})", "keep one row per {one} and remove the other",
      "与{first}重复（{what}）", "每个{one}只保留一行，删除另一行"),

  // ---- The landing folder and the unit registry ----

  LANDING_MISSING("landing folder {landing} does not exist", "pass an existing folder with --landing",
      "接收目录 {landing} 不存在", "请用 --landing 指定一个已存在的目录"),
  LANDING_NOT_A_FOLDER("landing {landing} is a file, not a folder", "pass the folder that holds it with --landing",
      "接收目录 {landing} 是文件而不是目录", "请用 --landing 指定包含它的目录"),
  LANDING_UNREADABLE("landing folder {landing} cannot be read: {why}", "check that it exists and is readable",
      "接收目录 {landing} 无法读取：{why}", "请检查它是否存在且可读"),
  LANDING_NOT_LISTABLE("landing folder {landing} cannot be listed: {why}", "check that it exists and is readable",
      "接收目录 {landing} 无法列出：{why}", "请检查它是否存在且可读"),
  UNIT_REGISTRY_UNREADABLE("the unit registry {file} cannot be read: {why}",
      "make it readable, or remove it to identify units by their names",
      "单位名录 {file} 无法读取：{why}", "请使其可读，或删除它以按名称识别单位"),

  // ---- Configuration (conf/fiscalscope.yaml or --conf) ----

  CONFIG_FILE_MISSING("configuration file {file} does not exist", "pass an existing file with --conf",
      "配置文件 {file} 不存在", "请用 --conf 指定一个已存在的文件"),
  CONFIG_FILE_UNREADABLE("configuration file {file} cannot be read: {why}", "check that it is a readable file",
      "配置文件 {file} 无法读取：{why}", "请检查它是否为可读文件"),
  CONFIG_BUILTIN_UNREADABLE("the built-in configuration cannot be read: {why}",
      "build the jar again (./mvnw -pl jobs -DskipTests package) or pass a configuration file with --conf",
      "内置配置无法读取：{why}", "请重新构建 jar（./mvnw -pl jobs -DskipTests package），或用 --conf 指定配置文件"),
  CONFIG_NOT_A_MAPPING("{origin} must be a mapping of sections (paths, spark, ingest, metrics, flags)",
      "write each section's name at the start of a line, its keys indented under it",
      "{origin} 必须是由各节（paths、spark、ingest、metrics、flags）组成的映射", "请在行首写节名，其下缩进写各键"),
  CONFIG_UNKNOWN_KEY("{origin}: unknown key '{key}'; known keys here: {known}. {fix}", "Correct or remove it",
      "{origin}：未知的键“{key}”；此处已知的键：{known}。{fix}", "请更正或删除"),
  CONFIG_WRONG_TYPE("{origin}: key '{key}' has a value of the wrong type: {why}",
      "give a value of the type conf/fiscalscope.yaml shows for it",
      "{origin}：键“{key}”的值类型错误：{why}", "请按 conf/fiscalscope.yaml 中该键的类型填写"),
  CONFIG_INVALID("{origin} is not valid: {why}", "correct the setting it names",
      "{origin} 无效：{why}", "请更正其中指出的设置"),
  CONFIG_SECTION_NOT_A_MAPPING("config section '{section}' must be a mapping of keys, got: {value}",
      "write its keys indented under the section's name",
      "配置节“{section}”必须是键的映射，实际为：{value}", "请在节名下缩进写各键"),
  CONFIG_SECTION_DOES_NOT_BIND("config section '{section}' does not bind: {why}",
      "correct the key or value it names (conf/fiscalscope.yaml lists them with comments)",
      "配置节“{section}”无法绑定：{why}", "请更正其中指出的键或值（conf/fiscalscope.yaml 列出了全部键及说明）"),
  CONFIG_INVALID_VALUE("config key {key} {expectation}: got {value}", "correct it in the configuration file",
      "配置键 {key} {expectation}：实际为 {value}", "请在配置文件中更正"),

  // ---- The lake: opening, locking, writing, tables changed outside a run ----

  LAKE_ROOT_EMPTY("the lake root is empty", "pass a folder or URI with --lake",
      "数据湖根目录为空", "请用 --lake 指定目录或 URI"),
  LAKE_CANNOT_OPEN("the lake {lake} cannot be opened: {why}",
      "pass a local folder, hdfs://… or s3a://… (with the file system's library on the classpath) with --lake",
      "数据湖 {lake} 无法打开：{why}", "请用 --lake 指定本地目录、hdfs://… 或 s3a://…（类路径中须有相应文件系统的库）"),
  LAKE_LOCKED("another run is writing to lake {lake} ({holder})",
      "wait for it to finish or pass --wait SECONDS (if no such run exists, delete {lockFile})",
      "另一个运行正在写入数据湖 {lake}（{holder}）", "请等待其结束或使用 --wait SECONDS（如果并无此运行，请删除 {lockFile}）"),
  LAKE_LOCK_FAILED("the lake {lake} cannot be locked for writing: {why}", "check that the folder exists and is writable",
      "数据湖 {lake} 无法加写锁：{why}", "请检查该目录是否存在且可写"),
  LAKE_LOCK_INTERRUPTED("interrupted while waiting for the run lock of {lake}", "run the command again",
      "等待数据湖 {lake} 的运行锁时被中断", "请重新运行该命令"),
  LAKE_CHANGED_OUTSIDE("{change} — {fix}",
      "or run with --accept-outside-changes to build on the changed table (gold is then rebuilt from it)",
      "{change}——{fix}", "或使用 --accept-outside-changes 在已改动的表上继续（gold 随后据此重建）"),
  LOCATION_NOT_WRITABLE("{location} cannot be written: {why}", "check that its folder can be created and written to",
      "{location} 无法写入：{why}", "请检查其所在目录能否创建和写入"),
  TABLE_NAME_INVALID("table name '{name}' is not of the form layer.table in lower-case letters, digits and underscores",
      "name a table as layer.table, e.g. silver.unit_year",
      "表名“{name}”不是由小写字母、数字和下划线组成的 layer.table 形式", "请按 layer.table 命名，例如 silver.unit_year"),
  TABLE_NAME_UNQUALIFIED("table name '{name}' must be layer.table", "e.g. silver.unit_year",
      "表名“{name}”必须是 layer.table 形式", "例如 silver.unit_year"),
  TABLE_UNDECLARED("{what} for table {table}", "declare it in {where}",
      "表 {table} 缺少{what}", "请在 {where} 中声明"),
  TABLE_DDL_MALFORMED("schemas/tables/{table}.sql is not of the form CREATE TABLE … (columns) USING DELTA",
      "correct the file",
      "schemas/tables/{table}.sql 不是 CREATE TABLE … (columns) USING DELTA 的形式", "请更正该文件"),
  TABLE_UNKNOWN("the lake has no table {table}", "name one of its tables: {tables}",
      "湖中没有表 {table}", "请使用其中的表：{tables}"),

  // ---- Looking back: --as-of, %as_of and %snapshot ----

  ASOF_EMPTY("as-of needs a run id, a run number, latest, previous or a date", "e.g. 2026-03-03",
      "as-of 需要运行编号、运行序号、latest、previous 或日期", "例如 2026-03-03"),
  ASOF_RUN_ZERO("as-of run number 0 does not exist: runs count from 1 (first) or back from -1 (latest)",
      "give 1 for the first run or -1 for the latest",
      "as-of 运行序号 0 不存在：运行从 1（第一次）起正数，或从 -1（最近一次）起倒数", "第一次运行请写 1，最近一次请写 -1"),
  ASOF_NOT_UNDERSTOOD("as-of '{text}' is neither a run id (20261129T170102Z-3fa1), a run number, latest, previous, a date"
      + " (2026-03-03) nor a timestamp (2026-03-03T12:00:00Z)", "give one of these",
      "as-of“{text}”既不是运行编号（20261129T170102Z-3fa1）、运行序号、latest、previous、日期（2026-03-03），也不是时间戳"
          + "（2026-03-03T12:00:00Z）", "请给出其中一种"),
  ASOF_NO_RUNS("as-of {text}: ops.runs records no run yet", "run `fiscalscope nightly` first",
      "as-of {text}：ops.runs 尚无任何运行记录", "请先运行 `fiscalscope nightly`"),
  ASOF_UNKNOWN_RUN("as-of run {run} is not in ops.runs",
      "list runs with SELECT run_id, finished_at FROM ops.runs ORDER BY finished_at",
      "as-of 运行 {run} 不在 ops.runs 中", "可用 SELECT run_id, finished_at FROM ops.runs ORDER BY finished_at 列出各次运行"),
  ASOF_OUT_OF_RANGE("as-of run number {number} is out of range: ops.runs holds {count} run(s)",
      "give a number from 1 to {count}, or from -1 back to -{count}",
      "as-of 运行序号 {number} 超出范围：ops.runs 共有 {count} 次运行", "请给出 1 到 {count}，或 -1 到 -{count} 之间的序号"),
  ASOF_BEFORE_FIRST_RUN("as-of {text}: no run had finished by {instant}", "the first run finished at {first}",
      "as-of {text}：截至 {instant} 没有已完成的运行", "第一次运行完成于 {first}"),
  SNAPSHOT_NO_TABLE("table {table} did not exist yet after run {run}", "pick a later run",
      "运行 {run} 之后表 {table} 尚不存在", "请选择更晚的运行"),
  SNAPSHOT_BAD_VIEW_NAME("view name '{name}' must be letters, digits and underscores", "rename the view",
      "视图名“{name}”只能包含字母、数字和下划线", "请为视图改名"),

  // ---- SQL over the lake (the sql verb and the notebook kernel) ----

  SQL_EMPTY("empty statement: {fix}", "give a SQL query, e.g. SELECT count(*) FROM silver.unit_year",
      "空语句：{fix}", "请给出 SQL 查询，例如 SELECT count(*) FROM silver.unit_year"),
  SQL_SYNTAX("{detail}", "correct the statement where the message points and run it again",
      "{detail}", "请在消息所指之处更正语句后重新运行"),
  SQL_FAILED("{detail}", "correct the query (DESCRIBE layer.table shows a table's columns)",
      "{detail}", "请更正查询（DESCRIBE layer.table 可列出表的各列）"),
  SQL_REFUSED_WRITE("refused: {why}", "SQL here only reads the lake's layer.table views",
      "已拒绝：{why}", "此处的 SQL 只读取数据湖的 layer.table 视图"),
  SQL_REFUSED_CODE("refused: {why}", "SQL here only reads the lake's layer.table views",
      "已拒绝：{why}", "此处的 SQL 只读取数据湖的 layer.table 视图"),
  SQL_REFUSED_PATH("refused: {why}", "SQL here only reads the lake's layer.table views",
      "已拒绝：{why}", "此处的 SQL 只读取数据湖的 layer.table 视图"),
  SQL_REFUSED_TABLE("refused: {why}", "SQL here only reads the lake's layer.table views",
      "已拒绝：{why}", "此处的 SQL 只读取数据湖的 layer.table 视图"),
  SQL_REFUSED_FUNCTION("refused: {why}", "SQL here only reads the lake's layer.table views",
      "已拒绝：{why}", "此处的 SQL 只读取数据湖的 layer.table 视图"),
  SQL_REFUSED_SETTING("refused: {why}", "SQL here only reads the lake's layer.table views",
      "已拒绝：{why}", "此处的 SQL 只读取数据湖的 layer.table 视图"),
  SQL_REFUSED_SESSION("refused: {why}", "SQL here only reads the lake's layer.table views",
      "已拒绝：{why}", "此处的 SQL 只读取数据湖的 layer.table 视图"),
  SQL_REFUSED_STATEMENT("refused: {why}", "SQL here only reads the lake's layer.table views",
      "已拒绝：{why}", "此处的 SQL 只读取数据湖的 layer.table 视图"),

  // ---- Options of the command line ----

  CLI_MAX_ROWS("--max-rows must be at least 1: got {value}", "give a positive number",
      "--max-rows 至少为 1：实际为 {value}", "请给出正数"),
  EXTRACT_NEEDS_OUT("extract was given {count} files but no --out DIR",
      "give --out DIR to write one JSON per file, or extract one file to stdout",
      "extract 收到 {count} 个文件但没有 --out DIR", "请用 --out DIR 为每个文件写一个 JSON，或只提取一个文件到标准输出"),
  EXTRACT_FILE_MISSING("does not exist", "check the path",
      "不存在", "请检查路径"),
  EXTRACT_FILE_UNREADABLE("cannot be read ({why})", "check its permissions",
      "无法读取（{why}）", "请检查其权限"),
  GENERATE_UNITS("--units must be at least 1: got {units}", "give a positive number of units",
      "--units 至少为 1：实际为 {units}", "请给出正的单位数"),
  GENERATE_YEARS("--years must be between 1 and 50: got {years}", "give 1 to 50 years",
      "--years 必须在 1 到 50 之间：实际为 {years}", "请给出 1 到 50 年"),
  GENERATE_LAST_YEAR_RANGE("--last-year must leave all years within 1990–2100: got last year {lastYear} with {years}"
      + " years", "give a --last-year and --years that fit",
      "--last-year 须使所有年度都在 1990–2100 之内：实际最后年度为 {lastYear}，共 {years} 年", "请给出相符的 --last-year 和 --years"),
  GENERATE_TOO_MANY("--units × --years must be at most 100,000,000 unit-years: got {unitYears}",
      "generate fewer units or years",
      "--units × --years 至多为 100,000,000 个单位年度：实际为 {unitYears}", "请减少单位数或年数"),
  GENERATE_LAST_YEAR_FUTURE("--last-year {lastYear} is after {latest}, and ingest refuses accounts of years that cannot"
      + " have closed yet", "give {latest} or earlier",
      "--last-year {lastYear} 晚于 {latest}，ingest 会拒绝尚不可能编成决算的年度", "请给出 {latest} 或更早"),
  GENERATE_UNKNOWN_FORMAT("--formats: unknown format '{format}'", "choose from {formats}",
      "--formats：未知格式“{format}”", "请从 {formats} 中选择"),
  GENERATE_OUT_IS_FILE("--out {out} is a file", "give a folder to write the documents into",
      "--out {out} 是文件", "请给出写入文档的目录"),
  GENERATE_OUT_NOT_CREATABLE("--out {out} cannot be created ({why})", "give a writable folder",
      "--out {out} 无法创建（{why}）", "请给出可写的目录"),
  GENERATE_OUT_NOT_WRITABLE("--out {out} is not writable", "give a writable folder",
      "--out {out} 不可写", "请给出可写的目录"),
  FONT_MISSING("PDF disclosures need a Chinese TrueType font, and none of {files} is under {folders}",
      "install one (apt-get install {package}) or name a folder holding a TrueType Chinese font with -D{property}=DIR"
          + " (for ./fiscalscope: FISCALSCOPE_JAVA_OPTS=-D{property}=DIR)",
      "生成 PDF 公开文件需要中文 TrueType 字体，但 {folders} 下没有 {files} 中的任何一个",
      "请安装一个（apt-get install {package}），或用 -D{property}=DIR 指定含中文 TrueType 字体的目录"
          + "（./fiscalscope 用 FISCALSCOPE_JAVA_OPTS=-D{property}=DIR）"),
  FONT_FILE_WITHOUT_FONT("holds no font named {font}", "reinstall {package} (apt-get install --reinstall {package})",
      "中没有名为 {font} 的字体", "请重新安装 {package}（apt-get install --reinstall {package}）"),
  FONT_FOLDER_NOT_A_FOLDER("-D{property}={folder} is not a folder",
      "name the folder that holds a TrueType Chinese font (.ttf or .ttc)",
      "-D{property}={folder} 不是目录", "请指定含中文 TrueType 字体（.ttf 或 .ttc）的目录"),
  FONT_FOLDER_NOT_LISTABLE("the font folder {folder} cannot be listed: {why}", "make it readable",
      "字体目录 {folder} 无法列出：{why}", "请使其可读"),
  FONT_FOLDER_WITHOUT_FONT("the font folder {folder} (-D{property}) holds no TrueType font with Chinese characters"
      + " ({files})", "put one there, e.g. wqy-zenhei.ttc of Debian's {package}",
      "字体目录 {folder}（-D{property}）中没有含中文字符的 TrueType 字体（{files}）", "请放入一个，例如 Debian {package} 包中的 wqy-zenhei.ttc"),
  FONT_UNREADABLE("cannot be read as a font ({why})", "reinstall the package that installed it",
      "无法作为字体读取（{why}）", "请重新安装提供它的软件包"),

  // ---- Anything else: a failure no rule above foresaw ----

  UNEXPECTED_FAILURE("{detail}", "the stack trace is in the log file (logs/fiscalscope.log)",
      "{detail}", "堆栈信息见日志文件（logs/fiscalscope.log）");

  private final String en;
  private final String fix;
  private final String zh;
  private final String zhFix;
  private final List<String> parameters;

  Problem(String en, String fix, String zh, String zhFix) {
    this.en = en;
    this.fix = fix;
    this.zh = zh;
    this.zhFix = zhFix;
    this.parameters = names(compose(en, fix, "; "));
  }

  /** The stable code: what bronze.rejects.reason_code, ops.runs.error_code and the command line show. */
  public String code() {
    return name();
  }

  /** The problem with its arguments, one per {@link #parameters()} in that order. */
  public Reason with(Object... args) {
    return new Reason(this, Arrays.asList(args));
  }

  /** The exception that stops a command: {@code throw Problem.LAKE_LOCKED.failure(lake, holder, lockFile)}. */
  public org.fiscalscope.FiscalScopeException failure(Object... args) {
    return with(args).failure();
  }

  /** The names of the arguments, in the order {@link #with} takes them: as they first appear in the English sentence. */
  public List<String> parameters() {
    return parameters;
  }

  /** What is wrong, in English, with its {@code {parameters}}. */
  public String en() {
    return en;
  }

  /** The fix, in English (may name parameters; empty where the message itself is the guide, e.g. Spark's). */
  public String fix() {
    return fix;
  }

  public String zh() {
    return zh;
  }

  public String zhFix() {
    return zhFix;
  }

  /** The whole English sentence with its {@code {parameters}}: problem and fix. */
  public String enTemplate() {
    return compose(en, fix, "; ");
  }

  /** The whole Chinese sentence with its {@code {parameters}}. */
  public String zhTemplate() {
    return compose(zh, zhFix, "；");
  }

  String render(boolean english, List<Object> args) {
    String template = english ? enTemplate() : zhTemplate();
    Matcher m = Parameters.PATTERN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = parameters.indexOf(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(i < 0 ? m.group() : text(args.get(i), english)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String text(Object arg, boolean english) {
    if (arg instanceof Text t) {
      return english ? t.en() : t.zh();
    }
    if (arg instanceof Reason r) {
      return english ? r.en() : r.zh();
    }
    return String.valueOf(arg);
  }

  /** A sentence as shown: ending in a full stop. */
  public static String sentence(String s) {
    return s.endsWith(".") || s.endsWith("。") ? s : s + ".";
  }

  private static String compose(String problem, String fix, String separator) {
    if (problem.contains("{fix}")) {
      return problem.replace("{fix}", fix);
    }
    return fix.isEmpty() ? problem : problem + separator + fix;
  }

  private static List<String> names(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = Parameters.PATTERN.matcher(template);
    while (m.find()) {
      if (!names.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return List.copyOf(names);
  }

  /** An argument's place in a template, {@code {name}}; apart, as a constant's constructor runs before the enum's statics. */
  static final class Parameters {
    static final Pattern PATTERN = Pattern.compile("\\{([a-z][A-Za-z0-9]*)\\}");

    private Parameters() {}
  }
}
