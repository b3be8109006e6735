import VitrinaModel

/// How a ``Mention`` is kept as a document of a VitrinaIndex directory (the index stores
/// `Product`s): the text as the description (searchable), the brand as vendor, the category,
/// the date as `addedAt`, the rating, the language, the product's SKU and barcode in their
/// keyword fields, everything else as named parameters.
enum MentionDocument {
    static func product(_ mention: Mention) -> Product {
        var parameters: [Product.Parameter] = [Product.Parameter(name: "source", value: mention.source)]
        func put(_ name: String, _ value: String?) {
            if let value { parameters.append(Product.Parameter(name: name, value: value)) }
        }
        put("kind", mention.kind?.rawValue)
        put("author", mention.author)
        put("followers", mention.followers.map(String.init))
        put("likes", mention.likes.map(String.init))
        put("reposts", mention.reposts.map(String.init))
        put("comments", mention.comments.map(String.init))
        put("product_id", mention.product?.id)
        put("product_url", mention.product?.url)
        put("product_title", mention.product?.title)
        put("tonality", mention.tonality?.label.rawValue)
        put("tonality_score", mention.tonality.map { String($0.score) })
        return Product(
            id: mention.id, vendor: mention.brand, vendorCode: mention.product?.sku, barcode: mention.product?.barcode,
            categoryPath: mention.category.map { [$0] } ?? [], description: mention.text, parameters: parameters,
            url: mention.url, addedAt: mention.date, rating: mention.rating, language: mention.language)
    }

    static func mention(_ product: Product) -> Mention {
        var values: [String: String] = [:]
        for parameter in product.parameters { values[parameter.name] = parameter.value }
        let reference = Mention.ProductReference(
            id: values["product_id"], sku: product.vendorCode, barcode: product.barcode, url: values["product_url"],
            title: values["product_title"])
        var tonality: TonalityResult?
        if let label = values["tonality"].flatMap(TonalityResult.Label.init(rawValue:)) {
            tonality = TonalityResult(label: label, score: values["tonality_score"].flatMap(Double.init) ?? 0)
        }
        return Mention(
            id: product.id, text: product.description ?? "", kind: values["kind"].flatMap(Mention.Kind.init(rawValue:)),
            source: values["source"] ?? "other", url: product.url, author: values["author"],
            followers: values["followers"].flatMap { Int($0) }, date: product.addedAt,
            likes: values["likes"].flatMap { Int($0) }, reposts: values["reposts"].flatMap { Int($0) },
            comments: values["comments"].flatMap { Int($0) }, rating: product.rating,
            product: reference.isEmpty ? nil : reference, brand: product.vendor, category: product.categoryPath.first,
            language: product.language, tonality: tonality)
    }
}
