package org.fiscalscope.generate;

import java.util.List;
import java.util.Map;

/**
 * The fictional district's vocabulary: unit templates (name, kind, grouping, parent, main functional class),
 * district and street names, functional-class names and project names. Every name is invented; none is a real unit.
 */
final class UnitCatalog {

  /** A kind of unit the district has; {@code sector} is its main 类 code, {@code pool} its project list. */
  record Template(String suffix, String kind, String grouping, String parentSuffix, String sector, String pool,
      int minScale, int maxScale, int maxVehicles) {}

  /** A project a unit runs every year: name and category (其他运转类 / 特定目标类). */
  record ProjectName(String name, String category) {}

  static final String CITY = "江城市";

  /** Districts in generation order; units beyond one district's templates continue in the next one. */
  static final List<String> DISTRICTS = List.of(
      "滨江区", "临湖区", "云溪区", "金沙区", "白鹭区", "松岗区", "枫林区", "桂湾区", "兰亭区", "梅溪区",
      "柳岸区", "杏坛区", "荷塘区", "青岚区", "紫峰区", "翠屏区", "银滩区", "碧波区", "丹霞区", "望川区");

  /** Region = district + one of these groupings; the peer groups of the demo. */
  static final List<String> GROUPINGS = List.of("党群政务", "经济发展", "社会事业", "城市建设", "街道社区");

  static final Map<String, String> FUNCTION_NAMES = Map.ofEntries(
      Map.entry("201", "一般公共服务支出"),
      Map.entry("203", "国防支出"),
      Map.entry("204", "公共安全支出"),
      Map.entry("205", "教育支出"),
      Map.entry("206", "科学技术支出"),
      Map.entry("207", "文化旅游体育与传媒支出"),
      Map.entry("208", "社会保障和就业支出"),
      Map.entry("210", "卫生健康支出"),
      Map.entry("211", "节能环保支出"),
      Map.entry("212", "城乡社区支出"),
      Map.entry("213", "农林水支出"),
      Map.entry("214", "交通运输支出"),
      Map.entry("216", "商业服务业等支出"),
      Map.entry("221", "住房保障支出"),
      Map.entry("224", "灾害防治及应急管理支出"),
      Map.entry("229", "其他支出"));

  /** Secondary 类 a unit of a sector may also spend on (besides 208/210/221 personnel-related lines). */
  static final Map<String, String> SECONDARY = Map.ofEntries(
      Map.entry("201", "212"), Map.entry("204", "201"), Map.entry("205", "207"), Map.entry("206", "201"),
      Map.entry("207", "201"), Map.entry("208", "201"), Map.entry("210", "208"), Map.entry("212", "211"),
      Map.entry("213", "212"), Map.entry("214", "212"), Map.entry("216", "201"), Map.entry("224", "204"),
      Map.entry("203", "224"));

  private static final String GOV = "政务";

  /** Templates in the order units are created; the first 59 make the demo district. */
  static final List<Template> TEMPLATES = List.of(
      new Template("教育局", "行政", "社会事业", null, "205", "教育", 400, 1400, 2),
      new Template("财政局", "行政", "党群政务", null, "201", GOV, 400, 1300, 2),
      new Template("第一中学", "事业", "社会事业", "教育局", "205", "学校", 500, 1500, 0),
      new Template("卫生健康局", "行政", "社会事业", null, "210", "卫生", 350, 1200, 2),
      new Template("人力资源和社会保障局", "行政", "社会事业", null, "208", "就业", 350, 1200, 1),
      new Template("临江街道办事处", "行政", "街道社区", null, "201", "街道", 500, 1500, 3),
      new Template("城市管理执法局", "行政", "城市建设", null, "212", "城管", 400, 1500, 5),
      new Template("发展和改革局", "行政", "经济发展", null, "201", GOV, 300, 900, 1),
      new Template("实验小学", "事业", "社会事业", "教育局", "205", "学校", 400, 1200, 0),
      new Template("就业训练中心", "事业", "社会事业", "人力资源和社会保障局", "208", "就业", 200, 700, 0),
      new Template("区委办公室", "行政", "党群政务", null, "201", GOV, 300, 1000, 2),
      new Template("住房和城市更新局", "行政", "城市建设", null, "212", "城建", 400, 1400, 2),
      new Template("疾病预防控制中心", "事业", "社会事业", "卫生健康局", "210", "卫生", 300, 1000, 2),
      new Template("望湖街道办事处", "行政", "街道社区", null, "201", "街道", 500, 1400, 3),
      new Template("商务局", "行政", "经济发展", null, "216", "经济", 250, 800, 1),
      new Template("民政局", "行政", "社会事业", null, "208", "民政", 350, 1200, 1),
      new Template("第二中学", "事业", "社会事业", "教育局", "205", "学校", 500, 1400, 0),
      new Template("审计局", "行政", "党群政务", null, "201", GOV, 200, 700, 1),
      new Template("园林和林业局", "行政", "城市建设", null, "212", "园林", 300, 1100, 2),
      new Template("社会保险管理中心", "参公", "社会事业", "人力资源和社会保障局", "208", "就业", 200, 700, 0),
      new Template("科学技术和经济信息化局", "行政", "经济发展", null, "206", "经济", 250, 900, 1),
      new Template("青林街道办事处", "行政", "街道社区", null, "201", "街道", 450, 1300, 2),
      new Template("文化和旅游局", "行政", "社会事业", null, "207", "文化", 250, 900, 1),
      new Template("档案馆", "参公", "党群政务", null, "201", GOV, 150, 500, 0),
      new Template("第一小学", "事业", "社会事业", "教育局", "205", "学校", 350, 1100, 0),
      new Template("水务和湖泊局", "行政", "城市建设", null, "213", "水务", 300, 1200, 3),
      new Template("机关事务服务中心", "参公", "党群政务", null, "201", GOV, 250, 900, 4),
      new Template("妇幼保健院", "事业", "社会事业", "卫生健康局", "210", "卫生", 400, 1300, 1),
      new Template("市场监督管理局", "行政", "经济发展", null, "201", "市场", 350, 1200, 3),
      new Template("红岗街道办事处", "行政", "街道社区", null, "201", "街道", 450, 1300, 2),
      new Template("退役军人事务局", "行政", "社会事业", null, "208", "退役", 200, 700, 1),
      new Template("环境卫生服务中心", "事业", "城市建设", "城市管理执法局", "212", "城管", 300, 1200, 4),
      new Template("统计局", "行政", "党群政务", null, "201", GOV, 150, 500, 0),
      new Template("图书馆", "事业", "社会事业", "文化和旅游局", "207", "文化", 150, 500, 0),
      new Template("农业农村局", "行政", "经济发展", null, "213", "农业", 300, 1100, 2),
      new Template("应急管理局", "行政", "城市建设", null, "224", "应急", 250, 900, 3),
      new Template("沙洲街道办事处", "行政", "街道社区", null, "201", "街道", 400, 1200, 2),
      new Template("中心幼儿园", "事业", "社会事业", "教育局", "205", "学校", 200, 600, 0),
      new Template("司法局", "行政", "党群政务", null, "204", "司法", 250, 800, 1),
      new Template("社会福利院", "事业", "社会事业", "民政局", "208", "民政", 250, 800, 1),
      new Template("投资促进服务中心", "事业", "经济发展", "商务局", "201", "经济", 150, 500, 0),
      new Template("市政设施维护中心", "事业", "城市建设", "住房和城市更新局", "212", "城建", 300, 1100, 3),
      new Template("临江街道社区卫生服务中心", "事业", "社会事业", "卫生健康局", "210", "卫生", 250, 800, 0),
      new Template("政务服务和大数据管理局", "行政", "党群政务", null, "201", GOV, 250, 900, 1),
      new Template("第三中学", "事业", "社会事业", "教育局", "205", "学校", 450, 1300, 0),
      new Template("农业技术推广中心", "事业", "经济发展", "农业农村局", "213", "农业", 150, 500, 1),
      new Template("临江街道综合执法中心", "事业", "街道社区", "临江街道办事处", "212", "城管", 200, 600, 1),
      new Template("医疗保障局", "行政", "社会事业", null, "210", "卫生", 200, 700, 1),
      new Template("信访局", "行政", "党群政务", null, "201", GOV, 150, 500, 1),
      new Template("融媒体中心", "事业", "党群政务", null, "207", "文化", 250, 900, 1),
      new Template("房屋征收服务中心", "事业", "城市建设", "住房和城市更新局", "212", "城建", 200, 700, 1),
      new Template("职业技术学校", "事业", "社会事业", "教育局", "205", "学校", 450, 1300, 0),
      new Template("望湖街道党群服务中心", "事业", "街道社区", "望湖街道办事处", "201", "街道", 150, 450, 0),
      new Template("科技创新服务中心", "事业", "经济发展", "科学技术和经济信息化局", "206", "经济", 150, 500, 0),
      new Template("文化馆", "事业", "社会事业", "文化和旅游局", "207", "文化", 150, 450, 0),
      new Template("人民防空办公室", "参公", "城市建设", null, "203", "应急", 150, 600, 1),
      new Template("第二小学", "事业", "社会事业", "教育局", "205", "学校", 350, 1000, 0),
      new Template("望湖街道社区卫生服务中心", "事业", "社会事业", "卫生健康局", "210", "卫生", 250, 750, 0),
      new Template("青林街道综合执法中心", "事业", "街道社区", "青林街道办事处", "212", "城管", 200, 600, 1),
      new Template("区人民政府办公室", "行政", "党群政务", null, "201", GOV, 300, 1000, 2),
      new Template("企业服务中心", "事业", "经济发展", "发展和改革局", "201", "经济", 150, 450, 0),
      new Template("红岗街道社区卫生服务中心", "事业", "社会事业", "卫生健康局", "210", "卫生", 250, 700, 0),
      new Template("交通运输局", "行政", "城市建设", null, "214", "城建", 250, 900, 2));

  /** Run by every unit: running costs (其他运转类). */
  static final List<ProjectName> COMMON_PROJECTS = List.of(
      new ProjectName("信息化系统运行维护经费", "其他运转类"),
      new ProjectName("办公楼物业管理服务费", "其他运转类"),
      new ProjectName("机关党建工作经费", "其他运转类"),
      new ProjectName("安全生产专项经费", "其他运转类"),
      new ProjectName("档案整理及数字化经费", "其他运转类"),
      new ProjectName("法律顾问服务费", "其他运转类"),
      new ProjectName("干部教育培训经费", "其他运转类"),
      new ProjectName("宣传工作经费", "其他运转类"),
      new ProjectName("编外聘用人员经费", "其他运转类"));

  /** Sector projects (特定目标类), by template pool. */
  static final Map<String, List<String>> SECTOR_PROJECTS = Map.ofEntries(
      Map.entry(GOV, List.of("重点工作督查督办经费", "政策研究与课题调研经费", "政务公开及网站运维经费",
          "财政投资评审经费", "预算绩效第三方评价服务费", "国有资产清查经费", "统计调查专项经费",
          "12345热线工单办理经费", "机要保密工作经费", "公务用车平台运行经费")),
      Map.entry("教育", List.of("义务教育学校公用经费", "教师队伍建设专项经费", "学前教育发展资金",
          "学校安全保障经费", "教育信息化建设经费", "学生资助资金", "校园食堂改造项目", "课后服务补助经费",
          "教育质量监测经费")),
      Map.entry("学校", List.of("学校公用经费", "校舍维修改造项目", "实验室设备购置经费", "课后服务经费",
          "学生校服及教辅代管经费", "校园安保服务费", "教师培训经费", "图书采购经费", "学生研学实践活动经费")),
      Map.entry("卫生", List.of("基本公共卫生服务项目", "家庭医生签约服务经费", "重大传染病防控经费",
          "医疗设备购置项目", "妇幼健康服务经费", "爱国卫生运动经费", "健康教育与促进经费",
          "卫生监督执法经费", "医疗救助资金")),
      Map.entry("就业", List.of("就业创业补贴资金", "职业技能培训补贴", "公益性岗位补贴", "劳动保障监察经费",
          "社会保险经办服务经费", "高校毕业生就业见习补贴", "零就业家庭援助资金", "人才引进服务经费",
          "劳动人事争议仲裁经费")),
      Map.entry("民政", List.of("城乡低保资金", "特困人员供养经费", "养老服务体系建设资金", "儿童福利经费",
          "社区治理专项经费", "殡葬改革专项经费", "残疾人两项补贴", "婚姻登记服务经费", "临时救助资金")),
      Map.entry("退役", List.of("优抚对象抚恤补助", "退役军人就业创业扶持资金", "双拥工作经费",
          "烈士纪念设施维护经费", "退役军人服务站运行经费", "军休干部服务经费", "退役士兵培训经费",
          "困难退役军人帮扶资金", "光荣牌悬挂及走访慰问经费")),
      Map.entry("街道", List.of("社区网格化管理经费", "老旧小区改造配套经费", "社区党群服务中心运行经费",
          "辖区环境卫生整治经费", "基层社会治理经费", "社区养老服务补贴", "防汛抗旱专项经费",
          "文明城市创建经费", "辖区绿化养护经费")),
      Map.entry("城管", List.of("道路清扫保洁经费", "垃圾分类推进经费", "市容环境整治经费", "户外广告整治经费",
          "公共厕所运营维护经费", "渣土运输管理经费", "执法装备购置经费", "环卫车辆租赁经费",
          "城市照明维护经费")),
      Map.entry("城建", List.of("老旧小区改造项目", "市政道路维修经费", "城市更新规划编制经费",
          "房屋安全鉴定经费", "保障性住房运营经费", "建筑工地扬尘治理经费", "地下管网排查经费",
          "物业管理服务提升经费", "城建档案数字化经费")),
      Map.entry("园林", List.of("公园绿地养护经费", "行道树修剪经费", "湖岸绿化提升项目", "林业有害生物防治经费",
          "古树名木保护经费", "苗圃运营经费", "绿道建设维护经费", "园林安全巡查经费", "花卉布置经费")),
      Map.entry("水务", List.of("防汛排涝设施运维经费", "湖泊保护治理经费", "河湖长制工作经费", "泵站运行经费",
          "水质监测经费", "农田水利设施维修经费", "节水型社会建设经费", "排水管网清淤经费",
          "水土保持专项经费")),
      Map.entry("经济", List.of("招商引资专项经费", "中小企业服务补贴", "科技创新奖励资金", "商贸流通发展资金",
          "消费促进活动经费", "产业园区服务经费", "高新技术企业培育经费", "数字经济发展资金",
          "营商环境优化经费")),
      Map.entry("市场", List.of("食品安全抽检经费", "特种设备安全监管经费", "知识产权保护经费",
          "市场主体登记服务经费", "计量检定经费", "消费维权服务经费", "药品安全监管经费",
          "网络市场监测经费", "质量强区建设经费")),
      Map.entry("文化", List.of("公共文化服务体系建设经费", "全民健身活动经费", "文物保护经费",
          "图书资源采购经费", "群众文化活动经费", "非遗保护传承经费", "旅游推介经费", "融媒体平台运维经费",
          "文化惠民演出经费")),
      Map.entry("农业", List.of("农业技术推广经费", "动物防疫经费", "高标准农田建设管护经费", "农产品质量安全检测经费",
          "乡村振兴示范经费", "农机购置补贴", "耕地保护经费", "农村人居环境整治经费", "渔政执法经费")),
      Map.entry("应急", List.of("应急救援队伍建设经费", "安全生产执法检查经费", "应急物资储备经费",
          "防灾减灾宣传经费", "人防工程维护经费", "应急演练经费", "森林防火经费", "地质灾害防治经费",
          "应急指挥平台运维经费")),
      Map.entry("司法", List.of("人民调解工作经费", "法律援助经费", "社区矫正工作经费", "普法宣传经费",
          "公共法律服务平台运行经费", "行政复议工作经费", "安置帮教经费", "法治政府建设经费",
          "律师行业监管经费")));

  private UnitCatalog() {}

  static String functionName(String code) {
    return FUNCTION_NAMES.get(code);
  }
}
